from django.contrib import admin

from .models import BoardMember, Decision, Expert, ExpertArea, Meeting, Nomination


@admin.register(BoardMember)
class BoardMemberAdmin(admin.ModelAdmin):
    list_display = ["full_name", "role", "category", "term_start", "term_end", "status"]
    list_filter = ["status", "role", "category"]
    search_fields = ["full_name", "email", "organisation_name"]
    readonly_fields = ["status", "role", "ended_on", "reminder_sent_at", "appointed_by"]


@admin.register(Nomination)
class NominationAdmin(admin.ModelAdmin):
    list_display = ["nominee_name", "organisation", "status", "submitted_at"]
    list_filter = ["status"]
    readonly_fields = ["status", "member", "decided_by", "decided_at", "reviewed_by"]


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "format", "starts_at", "status"]
    readonly_fields = ["status", "invitations_sent_at", "sequence"]


@admin.register(Decision)
class DecisionAdmin(admin.ModelAdmin):
    list_display = ["meeting", "number", "kind", "status", "is_published"]
    readonly_fields = ["status", "is_published", "published_at"]


@admin.register(ExpertArea)
class ExpertAreaAdmin(admin.ModelAdmin):
    list_display = ["order", "code", "name"]


@admin.register(Expert)
class ExpertAdmin(admin.ModelAdmin):
    list_display = ["full_name", "email", "status", "availability"]
    list_filter = ["status", "availability", "areas"]
    readonly_fields = ["status", "decided_by", "invited_by"]
