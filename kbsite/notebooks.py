"""Each page as a Jupyter notebook: its prose as Markdown cells, each example as a code cell with
the text it printed in the build (its figures are drawn when the cell runs: the site keeps them
on the page, and the notebooks light). Written with nbformat, deterministically (cell
ids are numbered), so two builds write the same bytes; the first cell says what to install."""

from __future__ import annotations

import re
from importlib import metadata
from urllib.parse import urljoin

import nbformat
from mkdocs.utils import get_relative_url
from nbformat import v4

EXEC_FENCE = re.compile(r'^```+\s*py(?:thon)?\b[^\n]*\bexec="on"[^\n]*\bfile="([^"]+)"[^\n]*\n```+[ \t]*$', re.M)
ANCHOR = re.compile(r"^(#{1,6} .*?)[ \t]*\{[^}]*#([\w-]+)[^}]*\}[ \t]*$", re.M)
ATTRS = re.compile(r"\s*\{:?\s*[.#][^}]*\}")
CONCEPT_REF = re.compile(r"\[([^\]]+)\]\[([\w-]+)\]")
LINK = re.compile(r"\]\((?!https?:|#|mailto:)([^)\s]+?\.md)(#[^)\s]*)?\)")
ADMONITION = re.compile(r'^(!!!|\?\?\?\+?)\s*(\w+)(?:\s+"([^"]*)")?\s*\n((?:(?: {4}.*)?\n)*)', re.M)


def _page_url(site_url: str, src: str) -> str:
    """The address of a docs page on the site (directory URLs)."""
    stem = src.removesuffix(".md")
    return urljoin(site_url, stem.removesuffix("index") if stem.endswith("index") else stem + "/")


def prose(markdown: str, page: str, site_url: str, concepts: dict[str, str]) -> str:
    """Markdown as Jupyter renders it: links point at the site; heading anchors, admonitions and
    attribute lists become plain Markdown. ``concepts``: concept id -> its page."""
    folder = page.rsplit("/", 1)[0] + "/" if "/" in page else ""

    def ref(m: re.Match) -> str:
        target = concepts.get(m.group(2))
        return f"[{m.group(1)}]({_page_url(site_url, target)}#{m.group(2)})" if target else m.group(0)

    def link(m: re.Match) -> str:
        path = re.sub(r"[^/]+/\.\./", "", folder + m.group(1))
        return f"]({_page_url(site_url, path)}{m.group(2) or ''})"

    def admonition(m: re.Match) -> str:
        title = m.group(3) if m.group(3) is not None else m.group(2).capitalize()
        body = [line[4:] for line in m.group(4).rstrip().splitlines()]
        return "\n".join([f"> **{title}.**", ">"] + [f"> {line}".rstrip() for line in body]) + "\n\n"

    text = ANCHOR.sub(lambda m: f'{m.group(1)} <a id="{m.group(2)}"></a>', markdown)
    text = ADMONITION.sub(admonition, text)
    text = ATTRS.sub("", text)
    text = CONCEPT_REF.sub(ref, text)
    return LINK.sub(link, text).strip()


def outputs(stdout: str) -> list:
    """The cell outputs of one run: what it printed."""
    return [v4.new_output("stream", name="stdout", text=stdout)] if stdout else []


def notebook(markdown: str, page: str, site_url: str, concepts: dict[str, str], files: dict[str, str],
             runs: dict[str, tuple[str, list[tuple[int, str]]]]) -> nbformat.NotebookNode:
    """The notebook of one page. ``files``: example path -> its source; ``runs``: example path ->
    (what it printed, its figures) in the build. Check-yourself blocks are left to the site."""
    pins = " ".join(f"{name}=={metadata.version(name).split('+')[0]}" for name in ("numpy", "torch", "matplotlib"))
    url = _page_url(site_url, page)
    cells = [v4.new_code_cell(
        f"# {url}\n# This notebook runs top to bottom with only numpy, torch and matplotlib installed:\n"
        f"#   pip install {pins}\n# Each code cell is one example file of the page, with what it printed in the site's build;\n"
        f"# run it to draw its figures.\n"
        f"# Each example runs here as it does on its own: before every cell, the settings an example may\n"
        f"# change for the whole process (torch's default dtype, print options, plot style) are reset.\n"
        f"import matplotlib.pyplot as plt\nimport numpy as np\nimport torch\n\n"
        f"NUMPY_PRINT = np.get_printoptions()\n\n\n"
        f"def as_on_its_own(*_):\n"
        f"    torch.set_default_dtype(torch.float32)\n"
        f"    torch.set_printoptions(profile=\"default\")\n"
        f"    np.set_printoptions(**NUMPY_PRINT)\n"
        f"    plt.rcdefaults()\n\n\n"
        f"get_ipython().events.register(\"pre_run_cell\", as_on_its_own)  # noqa: F821")]
    pos = 0
    for m in EXEC_FENCE.finditer(markdown):
        text = prose(markdown[pos:m.start()], page, site_url, concepts)
        if text:
            cells.append(v4.new_markdown_cell(text))
        if 'exercises="' in m.group(0):
            cells.append(v4.new_markdown_cell(f"The exercises of this section, with their answers checked, are on the site: {url}"))
        else:
            stdout, _figures = runs[m.group(1)]
            cells.append(v4.new_code_cell(files[m.group(1)].rstrip("\n"), outputs=outputs(stdout)))
        pos = m.end()
    text = prose(markdown[pos:], page, site_url, concepts)
    if text:
        cells.append(v4.new_markdown_cell(text))
    for n, cell in enumerate(cells):
        cell["id"] = f"cell-{n:03d}"
        if cell["cell_type"] == "code":
            cell["execution_count"] = None
    nb = v4.new_notebook(cells=cells, metadata={
        "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
        "language_info": {"name": "python"}})
    nbformat.validate(nb)
    return nb


def write(nb: nbformat.NotebookNode) -> str:
    return nbformat.writes(nb) + "\n"


def path(src: str) -> str:
    """Where a page's notebook is in the site: notebooks/<chapter>/<page>.ipynb."""
    return "notebooks/" + src.removesuffix(".md") + ".ipynb"


def add_link(output: str, src: str, url: str) -> str:
    """The page's HTML with a link to its notebook under the title."""
    href = get_relative_url(path(src), url)
    link = (f'<p class="kb-notebook"><a href="{href}" download>Download this page as a Jupyter notebook</a>'
            " (prose, and examples with what they print)</p>")
    return re.sub(r"(<h1\b[^>]*>.*?</h1>)", lambda m: m.group(1) + link, output, count=1, flags=re.S)
