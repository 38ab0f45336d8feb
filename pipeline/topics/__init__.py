"""Inductive topics: the modeller (`modeller`) and its clustering strategies (`clustering`)."""
from __future__ import annotations

from pipeline.topics.modeller import (MIN_SEGMENTS, SegmentTopic, Topic, TopicModeller, TopicResult, TopicSegment,
                                      TopicSlice, TopicsUnavailable, clean_for_keywords)

__all__ = ["MIN_SEGMENTS", "SegmentTopic", "Topic", "TopicModeller", "TopicResult", "TopicSegment", "TopicSlice",
           "TopicsUnavailable", "clean_for_keywords"]
