"""The one error the importing pipeline raises for a file it cannot use."""


class RejectedFile(ValueError):
    """A file the importer will not import; the message tells an editor why, in plain words.

    The workflow catches it per file, so one bad file never stops the others.
    """
