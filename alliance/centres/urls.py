from django.urls import path

from .views import accreditation, costs, manage, public, recognition, workflow

app_name = "centres"
urlpatterns = [
    path("", public.registry, name="registry"),
    path("map/", public.map_page, name="map"),
    path("map.svg", public.map_svg, name="map_svg"),
    path("coverage/", public.coverage, name="coverage"),
    path("centres.csv", public.export_csv, name="export_csv"),
    path("centres.json", public.export_json, name="export_json"),
    path("<int:pk>/", public.detail, name="detail"),
    path("<int:pk>/credential.jwt", public.public_credential, name="public_credential"),
    path("verify/", public.verify, name="verify"),
    path("verify/<str:code>/", public.verify_code, name="verify_code"),
    path("recognition/apply/", recognition.recognition_apply, name="recognition_apply"),
    path("recognition/<int:pk>/", recognition.recognition, name="recognition"),
    path("manage/", manage.centre_list, name="manage_list"),
    path("manage/new/", manage.centre_create, name="create"),
    path("manage/<int:pk>/", manage.manage, name="manage"),
    path("manage/<int:pk>/edit/", manage.centre_edit, name="edit"),
    path("manage/<int:pk>/profile/", manage.profile_edit, name="profile"),
    path("manage/<int:pk>/close/", manage.centre_close, name="close"),
    path("manage/<int:pk>/checklist/<str:item>/", manage.checklist_mark, name="checklist"),
    path("manage/<int:pk>/accredit/", accreditation.accredit, name="accredit"),
    path("manage/<int:pk>/move/", workflow.move_request, name="move_request"),
    path("manage/<int:centre_pk>/initiatives/new/", manage.initiative_edit, name="initiative_new"),
    path("manage/initiatives/<int:pk>/", manage.initiative_edit, name="initiative_edit"),
    path("manage/accreditations/<int:pk>/renewal/", workflow.renewal_open, name="renewal_open"),
    path(
        "manage/accreditations/<int:pk>/<str:action>/",
        accreditation.accreditation_action,
        name="accreditation_action",
    ),
    path(
        "manage/accreditations/<int:pk>/certificate.pdf",
        accreditation.certificate,
        name="certificate",
    ),
    path(
        "manage/accreditations/<int:pk>/credential.jwt",
        accreditation.credential_file,
        name="credential",
    ),
    path("manage/renewals/", workflow.renewal_list, name="renewal_list"),
    path("manage/renewals/<int:pk>/", workflow.renewal, name="renewal"),
    path("manage/moves/", workflow.move_list, name="move_list"),
    path("manage/moves/<int:pk>/", workflow.move, name="move"),
    path("manage/recognitions/", recognition.recognition_list, name="recognition_list"),
    path("manage/costs/", costs.cost_model, name="cost_model"),
    path("manage/costs/new/", costs.cost_version_new, name="cost_version_new"),
]
