from django.contrib import admin

from .models import TechnicalAssistanceRequest


@admin.register(TechnicalAssistanceRequest)
class TechnicalAssistanceRequestAdmin(admin.ModelAdmin):
    list_display = ["organisation", "kind", "urgency", "status", "created_at"]
    list_filter = ["status", "kind", "urgency"]
    raw_id_fields = ["organisation", "requested_by", "assessment", "assigned_to"]
