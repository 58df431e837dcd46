"""Build step: the hand-curated tables of reference_data/ go into the wheel.

``reference_data/`` stays the place people read and extend the tables; a built wheel (or
``pip install .``) has no repository around it, so build_py copies the tables into
``checker/data/reference/``, which the loader uses when ``reference_data/`` is not beside
the package (checker/reference.py: bundled_dir). Editable installs read the folder itself.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

TABLES = Path(__file__).resolve().parent / "reference_data"


class BuildWithReference(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        target = Path(self.build_lib) / "checker" / "data" / "reference"
        target.mkdir(parents=True, exist_ok=True)
        for path in sorted(TABLES.glob("*.csv")) + [TABLES / "README.md"]:
            shutil.copy2(path, target / path.name)


setup(cmdclass={"build_py": BuildWithReference})
