"""A worker loads the scorer and the provider's client before its first task, once."""

from __future__ import annotations

import gc
import logging

import pytest
from celery import signals

from analysis import warmup
from analysis.ai.offline import topicality
from analysis.ai.registry import _openai_service


@pytest.fixture(autouse=True)
def _cold():
    # The scorer's thesaurus, stem by stem: built by the first analysis a process makes.
    topicality._thesaurus_stems.cache_clear()
    topicality._related_to.cache_clear()
    _openai_service.cache_clear()
    yield
    _openai_service.cache_clear()
    # A ready worker freezes its heap (analysis/apps.py): not the test run's, after the test.
    gc.unfreeze()


def test_a_ready_worker_has_the_scorer_and_the_providers_client_loaded(settings):
    settings.AI_PROVIDER = "openai"
    settings.OPENAI_API_KEY = "sk-test"
    settings.OPENAI_BASE_URL = "http://127.0.0.1:9/v1"  # never called: the client is only built
    signals.worker_ready.send(sender=None)
    assert topicality._thesaurus_stems.cache_info().currsize >= 1
    assert _openai_service.cache_info().currsize == 1


def test_the_offline_provider_builds_no_client(settings):
    settings.AI_PROVIDER = "offline"
    warmup.analysis_warm_up()
    assert topicality._thesaurus_stems.cache_info().currsize >= 1
    assert _openai_service.cache_info().currsize == 0


def test_a_failed_warm_up_is_logged_and_the_worker_goes_on(settings, monkeypatch, caplog):
    settings.AI_PROVIDER = "openai"
    settings.OPENAI_API_KEY = ""  # misconfigured: building the client raises
    with caplog.at_level(logging.WARNING, logger="analysis"):
        warmup.analysis_warm_up()
    assert "analysis warm-up failed" in caplog.text


def test_a_ready_worker_freezes_what_it_loaded_out_of_the_collectors_walks(settings):
    settings.AI_PROVIDER = "offline"
    gc.unfreeze()
    signals.worker_ready.send(sender=None)
    assert gc.get_freeze_count() > 50_000
