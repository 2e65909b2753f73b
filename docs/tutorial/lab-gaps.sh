#!/usr/bin/env bash
# Writes the tutorial's lab data: 300 band gaps "measured" in meV, with sample ids, as a lab would keep them.
# They are derived from a public file (Zhuo et al. 2018's experimental gaps, in the mirror): every 5th
# non-metal, in file order, its gap in eV times 1000. Usage: lab-gaps.sh OUT.csv
set -euo pipefail
out="${1:?usage: lab-gaps.sh OUT.csv}"
mirror="${TRANSFERLAKE_MIRROR:?set TRANSFERLAKE_MIRROR to the public downloads (the mirror directory)}"
source_file="$mirror/roost/zhuo2018_expt_bandgaps_full.csv"
[ -f "$source_file" ] || { echo "lab-gaps.sh: $source_file not found (is TRANSFERLAKE_MIRROR the mirror?)" >&2; exit 2; }
mkdir -p "$(dirname "$out")"
# columns of the source: pandas index, composition, Eg (eV)
awk -F, 'NR > 1 && $3 + 0 > 0 { n++; if (n % 5 == 0 && kept < 300) { kept++;
           printf "LAB-%04d,%s,%d\n", kept, $2, $3 * 1000 + 0.5 } }
         BEGIN { print "sample_id,formula,Eg (meV)" }' "$source_file" > "$out"
echo "wrote $(($(wc -l < "$out") - 1)) measured gaps (meV) to $out"
