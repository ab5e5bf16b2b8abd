"""The shared package of mops: imported by every service, runs nothing.

`contracts`: what services exchange over HTTP. `kit`: what services are built on.
"""
