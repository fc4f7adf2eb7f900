"""Thin API views: parse the body, call a service or selector, render the result."""
