"""The sign-off view: from draft to signed minutes, in the window."""
