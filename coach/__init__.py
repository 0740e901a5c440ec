"""Knee Coach: a desktop exercise coach for people with knee pain."""

__version__ = "0.1.0"
