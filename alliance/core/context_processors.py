from django.conf import settings
from django.urls import translate_url

from .languages import local_name


def site(request):
    path = request.get_full_path()
    languages = [
        {
            "code": code,
            "name_local": local_name(code),
            "url": translate_url(path, code),
        }
        for code, _name in settings.LANGUAGES
    ]
    return {"alternate_languages": languages}
