"""The Slack front end: a slack-bolt app over the quiz, retrieval and store packages."""
