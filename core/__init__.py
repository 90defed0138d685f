"""The core every entry point shares: settings and the publishing port with its view data.

It sits above the domain (quiz, retrieval, store) and below the front ends (bot, jobs), which
import it and never each other; the CLI composes them.
"""
