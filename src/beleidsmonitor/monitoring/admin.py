"""Roles are given in the Django admin: coordinators per plan, reporters per actor."""

from django.contrib import admin

from beleidsmonitor.monitoring.models import (
    ActionUpdate,
    ActorReporter,
    PlanCoordinator,
    ReportingRound,
    UpdateChange,
)


@admin.register(PlanCoordinator)
class PlanCoordinatorAdmin(admin.ModelAdmin):
    list_display = ["user", "plan"]
    list_filter = ["plan"]
    search_fields = ["user__username", "plan__title"]


@admin.register(ActorReporter)
class ActorReporterAdmin(admin.ModelAdmin):
    list_display = ["user", "actor"]
    list_filter = ["actor__kind"]
    search_fields = ["user__username", "actor__name"]


@admin.register(ReportingRound)
class ReportingRoundAdmin(admin.ModelAdmin):
    # Rounds are opened and closed through the operations (they create the updates);
    # the admin shows them and allows correcting the name and the dates only.
    list_display = ["name", "period_start", "period_end", "deadline", "state"]
    readonly_fields = ["state", "plans", "opened_at", "opened_by", "closed_at", "closed_by"]

    def has_add_permission(self, request):
        return False


@admin.register(ActionUpdate)
class ActionUpdateAdmin(admin.ModelAdmin):
    # Read-only: a change made here would bypass the version check and the history.
    list_display = ["action", "round", "status", "state", "version"]
    list_filter = ["round", "state", "status"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(UpdateChange)
class UpdateChangeAdmin(admin.ModelAdmin):
    list_display = ["update", "field", "user", "at", "version"]
    list_filter = ["field"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
