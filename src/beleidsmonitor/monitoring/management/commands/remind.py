"""`manage remind ROUND`: e-mail reporters their open updates (see `reminders.py`)."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from beleidsmonitor.exceptions import BeleidsmonitorError, NotFound
from beleidsmonitor.monitoring.lookup import find_round
from beleidsmonitor.monitoring.reminders import send_reminders


class Command(BaseCommand):
    help = "E-mail every reporter the updates they still have to fill in for a round."

    def add_arguments(self, parser):
        parser.add_argument("round", help="the round's number or name")
        parser.add_argument("--user", help="send as this user (must coordinate the round)")

    def handle(self, *args, **options):
        try:
            round_ = find_round(options["round"])
        except NotFound as error:
            raise CommandError(str(error)) from error
        user = None
        if options.get("user"):
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(f"no user {options['user']!r}")
        try:
            result = send_reminders(round_, user=user)
        except BeleidsmonitorError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(result.summary()))
