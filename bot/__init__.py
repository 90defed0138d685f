"""studybot front ends: settings, the `studybot` command line and (later) the Slack app."""
