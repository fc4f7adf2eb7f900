"""Choosing the provider from AI_PROVIDER and OPENAI_API_KEY."""

import sys
import types

import pytest
from django.core.exceptions import ImproperlyConfigured

from analysis.ai.base import AIService
from analysis.ai.offline import OfflineAIService
from analysis.ai.registry import get_ai_service, get_offline_service, resolve_provider_name

MODULE = "analysis.ai.openai_provider"


class FakeOpenAIService:
    """Stands in for the OpenAI provider: the registry only imports and constructs it."""


@pytest.fixture
def fake_openai_module(monkeypatch):
    module = types.ModuleType(MODULE)
    module.OpenAIService = FakeOpenAIService
    monkeypatch.setitem(sys.modules, MODULE, module)
    return module


def test_auto_without_a_key_is_offline(settings):
    settings.AI_PROVIDER = "auto"
    settings.OPENAI_API_KEY = ""
    assert resolve_provider_name() == "offline"
    assert isinstance(get_ai_service(), OfflineAIService)


def test_auto_with_a_key_is_openai(settings, fake_openai_module):
    settings.AI_PROVIDER = "auto"
    settings.OPENAI_API_KEY = "sk-test"
    assert resolve_provider_name() == "openai"
    assert isinstance(get_ai_service(), FakeOpenAIService)


def test_offline_is_used_when_asked_even_with_a_key(settings):
    settings.AI_PROVIDER = "offline"
    settings.OPENAI_API_KEY = "sk-test"
    assert isinstance(get_ai_service(), OfflineAIService)


def test_an_explicit_name_overrides_the_setting(settings, fake_openai_module):
    settings.AI_PROVIDER = "offline"
    assert isinstance(get_ai_service("openai"), FakeOpenAIService)
    assert isinstance(get_ai_service("offline"), OfflineAIService)


def test_openai_without_its_module_is_a_configuration_error(settings, monkeypatch):
    monkeypatch.setitem(sys.modules, MODULE, None)  # makes the import fail
    settings.AI_PROVIDER = "openai"
    with pytest.raises(ImproperlyConfigured):
        get_ai_service()


def test_an_unknown_provider_is_a_configuration_error(settings):
    settings.AI_PROVIDER = "magic"
    with pytest.raises(ImproperlyConfigured):
        get_ai_service()


def test_the_offline_service_is_always_available_for_preliminary_feedback(settings):
    settings.AI_PROVIDER = "openai"
    service = get_offline_service()
    assert isinstance(service, AIService)
    assert isinstance(service, OfflineAIService)
