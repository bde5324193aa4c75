"""One module per fact type; importing this package registers every component."""
from . import awards, campaigns, date_ranges, organizations, people, phases, statistics  # noqa: F401
