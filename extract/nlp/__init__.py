"""Vietnamese fact extraction as a spaCy pipeline over underthesea segmentation."""
from .pipeline import analyse, extract_facts, get_nlp

__all__ = ["analyse", "extract_facts", "get_nlp"]
