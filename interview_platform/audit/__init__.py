"""Audit of staff writes (django-auditlog): who (actor), what (model, object, action), when
(timestamp) and the change (field diff), for every staff write through the API or the admin."""
