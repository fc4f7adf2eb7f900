"""The base of every API view."""

from django.utils import translation
from rest_framework.views import APIView as DRFAPIView

from .i18n import request_language


class APIView(DRFAPIView):
    """Activates the language messages are written in once the user is known: an explicit
    Accept-Language naming ko or en, else the user's saved language (see `request_language`).
    Authentication errors, raised before that, follow Accept-Language."""

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        language = request_language(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language
