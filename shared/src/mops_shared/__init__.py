"""The shared schema package of mops: imported by every service, runs nothing."""
