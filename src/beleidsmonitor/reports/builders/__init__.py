"""One module per report. A builder gathers stored data into plain data (dataclasses);
the renderers in `reports.renderers` turn that into HTML, PDF or DOCX, so every format
shows the same numbers."""
