from django.core.management.base import BaseCommand

from beleidsmonitor.search.indexing import reindex_all


class Command(BaseCommand):
    help = "Rebuild the search index of all current plans."

    def handle(self, *args, **options) -> None:
        plans, documents = reindex_all()
        self.stdout.write(self.style.SUCCESS(f"indexed {documents} documents of {plans} plans"))
