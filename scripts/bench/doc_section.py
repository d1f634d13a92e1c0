"""The part the benchmark reports share: replacing the generated text between two markers of
docs/benchmarks.md (or appending a whole section when the markers are missing), and the
command line of a report script that renders one run directory."""

import argparse
import json


def replace_section(doc, begin, end, results, section):
    """Writes `results` between `begin` and `end` in `doc`; appends `section` (with its
    `{results}` filled in) when the markers are not there yet."""
    with open(doc) as f:
        text = f.read()
    if begin in text and end in text:
        text = text[: text.index(begin)] + results + text[text.index(end) + len(end):]
    else:
        text = text.rstrip("\n") + "\n\n" + section.replace("{results}", results)
    with open(doc, "w") as f:
        f.write(text)
    print(f"bench: wrote {doc}")


def run_dir_main(description, render, begin, end, section):
    """`--machine machine.json --run-dir DIR [--doc PATH] [--print]`: renders the run and
    prints it or writes it into the document."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--machine", required=True)
    parser.add_argument("--run-dir", required=True)
    parser.add_argument("--doc", default="docs/benchmarks.md")
    parser.add_argument("--print", action="store_true", help="print the results instead of writing the document")
    args = parser.parse_args()
    with open(args.machine) as f:
        results = render(args.run_dir, json.load(f))
    if args.print:
        print(results)
    else:
        replace_section(args.doc, begin, end, results, section)
