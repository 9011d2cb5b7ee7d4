"""The built-in demo: the Abu Dhabi talks of ../shared/seed/abu-dhabi-talks-article.txt."""
