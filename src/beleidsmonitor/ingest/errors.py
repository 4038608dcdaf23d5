"""The one exception family of the importer."""


class IngestError(Exception):
    """A document that cannot be turned into a plan. The message is shown to the user as is."""


class UnreadableDocument(IngestError):
    """The bytes are not a document we can read (corrupt PDF, binary data, unknown format)."""


class EmptyPlan(IngestError):
    """The document was read but holds no goals and no actions."""
