"""Jobs hold no negotiation content themselves; their pages join the crawl by id."""

from accord.core.registry import register_url_parameter

register_url_parameter("job_id", "jobs.Job")
