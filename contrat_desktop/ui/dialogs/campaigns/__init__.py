"""Campaign dialogs: the call for projects, the renewal of a campaign into the next."""
