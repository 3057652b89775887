#!/bin/sh
# Batch tests: directories, lists, archives, JSON Lines, -j, failures in
# the middle of a batch, -o DIR/ (also on a full disk), progress and the
# summary line. The golden documents are the batch; with ../shared/corpus
# present, -j 4 is also compared with -j 1 over the whole corpus.
#
# Environment: REPORTCTL, REPORTCTL_SCHEMA, SOURCE_ROOT, CORPUS (optional).

: "${REPORTCTL:?}" "${REPORTCTL_SCHEMA:?}" "${SOURCE_ROOT:?}"
export REPORTCTL_SCHEMA
R=$REPORTCTL
G=$SOURCE_ROOT/tests/golden

T=$(mktemp -d) || exit 2
trap 'umount "$T/full" 2>/dev/null; rm -rf "$T"' EXIT
trap 'exit 2' HUP INT TERM

. "$SOURCE_ROOT/tests/harness.sh"

# A tree of documents: three at the top, two below, one GBK.
mkdir -p "$T/tree/sub/deeper"
cp "$G/000.txt" "$G/017.txt" "$G/101.txt" "$T/tree/"
cp "$G/105.txt" "$T/tree/sub/"
cp "$G/009.gbk.txt" "$T/tree/sub/deeper/"
printf '\211PNG\r\n\032\n\000\000' >"$T/tree/sub/logo.png"
# The same documents named one by one, in the order a sorted walk gives.
set -- "$T/tree/000.txt" "$T/tree/017.txt" "$T/tree/101.txt" \
	"$T/tree/sub/105.txt" "$T/tree/sub/deeper/009.gbk.txt"

# metrics rows without the file column, which names the input differently
# for each way of reading it
rows() { cut -f 2- "$1"; }

"$R" metrics --no-header "$@" >"$T/plain.tsv" 2>/dev/null
rows "$T/plain.tsv" >"$T/plain.rows"
assert_rows() { rows "$T/out" >"$T/out.rows"; cmp -s "$T/out.rows" "$T/plain.rows" || fail_with "$1"; }

check plain-files 0 "$R" metrics --no-header "$@"
assert "000 first, as golden" sh -c "tail -n +2 '$G/000.metrics.tsv' | cut -f 2- |
	cmp -s - '$T/plain.rows' -n \$(tail -n +2 '$G/000.metrics.tsv' | cut -f 2- | wc -c)"
verdict

# --- directories ---------------------------------------------------------------
check dir-needs-r 2 "$R" metrics --no-header "$T/tree"
err_fixed "$T/tree: is a directory (use -r to read it)"; out_empty; verdict
check dir-recursive 0 "$R" metrics --no-header -r --include '*.txt' "$T/tree"
assert_rows "rows differ from the plain files"; verdict
check dir-file-column 0 "$R" metrics --no-header -r --include '*.txt' "$T/tree"
out_has "^$T/tree/sub/deeper/009.gbk.txt	"; verdict
check dir-exclude 0 "$R" metrics --no-header -r --exclude '*.png' --exclude deeper "$T/tree"
out_lacks "009.gbk.txt"; out_has "105.txt"; verdict
check dir-include-path 0 "$R" metrics --no-header -r --include 'sub/*.txt' "$T/tree"
out_has "105.txt"; out_lacks "000.txt"; out_lacks "009.gbk"; verdict
check dir-binary-fails 2 "$R" metrics --no-header -r "$T/tree"
err_fixed "$T/tree/sub/logo.png:"; assert "the documents still listed" grep -q 009.gbk.txt "$T/out"; verdict

# --- lists ---------------------------------------------------------------------
printf '%s\n' "$@" >"$T/list"
check files-from 0 "$R" metrics --no-header --files-from "$T/list"
assert_rows "rows differ from the plain files"; verdict
printf '%s\0' "$@" >"$T/list0"
check files-from-nul 0 "$R" metrics --no-header -0 --files-from "$T/list0"
assert_rows "rows differ from the plain files"; verdict
stdin=$T/list check files-from-stdin 0 "$R" metrics --no-header --files-from -
assert_rows "rows differ from the plain files"; verdict
check files-from-missing 2 "$R" metrics --no-header --files-from "$T/nolist"
err_fixed "$T/nolist"; out_empty; verdict

# --- archives ------------------------------------------------------------------
(cd "$T" && tar cf tree.tar tree && tar czf tree.tar.gz tree) || exit 2
# archives keep their own order: compare sorted rows
sort "$T/plain.rows" >"$T/plain.sorted"
assert_sorted_rows() { rows "$T/out" | sort | cmp -s - "$T/plain.sorted" || fail_with "rows differ from the plain files"; }
check tar 2 "$R" metrics --no-header "$T/tree.tar"
err_fixed "$T/tree.tar:tree/sub/logo.png:"; verdict
check tar-include 0 "$R" metrics --no-header --include '*.txt' "$T/tree.tar"
assert_sorted_rows
out_has "^$T/tree.tar:tree/sub/105.txt	"; verdict
check tar-gz 0 "$R" metrics --no-header --include '*.txt' "$T/tree.tar.gz"
assert_sorted_rows; verdict
stdin=$T/tree.tar.gz check tar-gz-stdin 0 "$R" metrics --no-header --include '*.txt'
assert_sorted_rows; out_has "^<stdin>:tree/sub/105.txt	"; verdict
if command -v zip >/dev/null 2>&1; then
	(cd "$T/tree" && zip -qr ../tree.zip .) || exit 2
	check zip 0 "$R" metrics --no-header --include '*.txt' "$T/tree.zip"
	out_has "^$T/tree.zip:sub/deeper/009.gbk.txt	"
	assert_sorted_rows; verdict
else
	echo "zip not installed: zip cases not run"
fi
gzip -c "$G/000.txt" >"$T/000.txt.gz"
tail -n +2 "$G/000.metrics.tsv" | cut -f 2- >"$T/000.rows"
check gzip-file 0 "$R" metrics --no-header "$T/000.txt.gz"
out_has "^$T/000.txt.gz	"
rows "$T/out" | cmp -s - "$T/000.rows" || fail_with "rows differ from 000.txt"
verdict
head -c 3000 "$T/tree.tar.gz" >"$T/cut.tar.gz"
check truncated-archive 2 "$R" metrics --no-header "$T/cut.tar.gz"; err_fixed "$T/cut.tar.gz"; verdict

# --- -j: the same bytes in the same order ----------------------------------------
for cmd in "extract -q" "metrics" "summarize -f json" "summarize --roll-up" "validate"; do
	[ "$cmd" = validate ] && files="$G"/*.xml || files="$G"/*.txt
	# shellcheck disable=SC2086
	"$R" $cmd -j 1 $files >"$T/j1" 2>"$T/j1.err"
	s1=$?
	# shellcheck disable=SC2086
	check "jobs-4-$(echo "$cmd" | tr ' ' '-')" $s1 "$R" $cmd -j 4 $files
	out_same "$T/j1"
	grep -v ' files: ' "$T/j1.err" >"$T/j1.err2"; grep -v ' files: ' "$T/err" >"$T/err2"
	cmp -s "$T/j1.err2" "$T/err2" || fail_with "stderr differs from -j 1"
	verdict
done
if [ -d "${CORPUS:-}" ]; then
	for cmd in "extract -q" "metrics"; do
		# shellcheck disable=SC2086
		"$R" $cmd -j 1 "$CORPUS"/*.txt >"$T/c1" 2>/dev/null
		# shellcheck disable=SC2086
		check "corpus-jobs-4-$(echo "$cmd" | tr ' ' '-')" 0 "$R" $cmd -j 4 "$CORPUS"/*.txt
		out_same "$T/c1"; verdict
	done
else
	echo "no corpus: corpus -j cases not run"
fi
check jobs-zero 2 "$R" metrics -j 0 "$G/000.txt"; err_fixed "-j takes a number"; out_empty; verdict
check jobs-junk 2 "$R" metrics -j x "$G/000.txt"; err_lines 1; verdict

# --- failures in the middle of a batch -------------------------------------------
mkdir "$T/adir"
printf 'PK\003\004 junk\000\001' >"$T/binary.txt"
ln -s "$T/nowhere" "$T/dangling.txt"
check batch-bad-inputs 2 "$R" metrics --no-header "$G/000.txt" "$T/adir" "$T/binary.txt" \
	/proc/self/mem "$T/dangling.txt" "$G/017.txt"
err_fixed "$T/adir: is a directory"
err_fixed "$T/binary.txt"
err_fixed "/proc/self/mem"
err_fixed "$T/dangling.txt: No such file or directory"
err_fixed "6 files: 2 ok, 4 failed"
assert "000 listed" grep -q "^$G/000.txt	" "$T/out"
assert "017 listed" grep -q "^$G/017.txt	" "$T/out"
verdict
check fail-fast 2 "$R" metrics --no-header --fail-fast -j 2 "$G/000.txt" "$T/binary.txt" "$G/017.txt" "$G/101.txt"
assert "000 listed" grep -q "000.txt" "$T/out"; out_lacks "017.txt"; out_lacks "101.txt"; verdict
check summary-line 0 "$R" metrics --no-header "$G/000.txt" "$G/017.txt"
err_lines 1; err_has '^reportctl: 2 files: 2 ok, 0 failed; [0-9]+ bytes in [0-9.]+ s$'; verdict
check no-summary-for-one 0 "$R" metrics "$G/000.txt"; err_lines 0; verdict

# --- limits ------------------------------------------------------------------
# 000.txt has 12303 bytes, 009.gbk.txt 23482
check max-input-size 2 "$R" metrics --no-header --max-input-size 16K "$G/000.txt" "$G/009.gbk.txt"
err_fixed "$G/009.gbk.txt: larger than --max-input-size (16384 bytes)"
assert "the small one listed" grep -q "000.txt" "$T/out"; verdict
check max-input-size-archive-member 2 "$R" metrics --no-header --include '*.txt' --max-input-size 16K "$T/tree.tar"
err_fixed "$T/tree.tar:tree/sub/deeper/009.gbk.txt: larger than --max-input-size"
assert "the small one listed" grep -q "000.txt" "$T/out"; verdict
check max-input-size-bad 2 "$R" metrics --max-input-size 12Q "$G/000.txt"; err_lines 1; out_empty; verdict

# --- extract -o DIR/ -----------------------------------------------------------
check extract-dir 0 "$R" extract -q -r --include '*.txt' -o "$T/xml/" "$T/tree"
for f in 000 017 101 sub/105 sub/deeper/009.gbk; do
	assert "$f.xml written" test -s "$T/xml/$T/tree/$f.xml"
done
assert "000.xml is the golden XML but for its name" sh -c \
	"\"$R\" text '$T/xml/$T/tree/000.xml' | cmp -s - '$G/000.txt'"
assert "no temporary file left" test -z "$(find "$T/xml" -name '*.tmp*')"
verdict
mkdir -p "$T/xb"
check extract-existing-dir 0 "$R" extract -q --include '*.txt' -o "$T/xb" "$T/tree.tar"
assert "member mirrored below the archive's name" test -s "$T/xb/$T/tree.tar/tree/sub/105.xml"; verdict
check extract-o-file-many 2 "$R" extract -o "$T/one.xml" "$G/000.txt" "$G/017.txt"
err_fixed "name a directory"; assert "nothing written" test ! -e "$T/one.xml"; verdict
check extract-o-file-archive 2 "$R" extract -q -o "$T/one.xml" --include '*.txt' "$T/tree.tar"
err_fixed "holds one document"; verdict

# A full disk: a file size limit makes the large document's write fail
# (EFBIG) while the small ones fit; with a tiny tmpfs, the disk really
# fills. Either way the others are written and no partial file remains.
# (XML sizes: 105 about 9 kB, 009.gbk about 74 kB.)
full_disk_case() {
	label=$1 dir=$2; shift 2
	check "$label" 2 "$@" "$R" extract -q -o "$dir/" "$G/105.txt" "$G/009.gbk.txt"
	assert "the small document written" test -s "$dir/$G/105.xml"
	assert "no partial file" test -z "$(find "$dir" -name '*.tmp*')"
	assert "the large one absent" test ! -e "$dir/$G/009.gbk.xml"
	err_has "009.gbk.xml: (File too large|No space left on device)"
	verdict
}
limited() { (ulimit -f 64 && trap '' XFSZ && "$@"); }
full_disk_case full-disk-fsize "$T/lim" limited
mkdir -p "$T/full"
if mount -t tmpfs -o size=28k tmpfs "$T/full" 2>/dev/null; then
	full_disk_case full-disk-tmpfs "$T/full/x" env
	umount "$T/full"
	mount -t tmpfs -o size=512k tmpfs "$T/full"
	# the temporary file of a spilled output fills the disk: the rest
	# of the output waits in memory, and the whole comes out
	i=0
	while [ $i -lt 50 ]; do cat "$G/017.txt"; i=$((i + 1)); done >"$T/big0.txt"
	"$R" extract -q "$T/big0.txt" "$G/000.txt" >"$T/big0.xml"
	check spill-disk-full 0 env TMPDIR="$T/full" "$R" extract -q "$T/big0.txt" "$G/000.txt"
	out_same "$T/big0.xml"
	assert "the temporary file is gone" test -z "$(ls -A "$T/full")"; verdict
	umount "$T/full"
else
	echo "cannot mount a tmpfs here: tmpfs case not run"
fi

# --- output past 1 MiB waits for its turn in a temporary file -------------------
# 017 fifty times: 3 MB of text, 5 MB of XML, 1.3 MB of rows, each spilled
# to $TMPDIR while it waits; whichever way it is written, the same bytes.
i=0
while [ $i -lt 50 ]; do cat "$G/017.txt"; i=$((i + 1)); done >"$T/big.txt"
check spill-extract 0 "$R" extract -q -j 2 "$T/big.txt" "$G/000.txt"
keep spill.xml; verdict
"$R" extract -q "$G/000.txt" >"$T/small.xml"
check spill-extract-o-file 0 "$R" extract -q -o "$T/big-file.xml" "$T/big.txt"
assert "-o FILE differs from stdout" sh -c "cat '$T/big-file.xml' '$T/small.xml' | cmp -s - '$T/spill.xml'"
verdict
check spill-extract-o-dir 0 "$R" extract -q -o "$T/bigdir/" "$T/big.txt"
assert "-o DIR/ differs from -o FILE" cmp -s "$T/bigdir/$T/big.xml" "$T/big-file.xml"; verdict
check spill-extract-validate 0 "$R" extract -q --validate "$T/big.txt"
out_same "$T/big-file.xml"; verdict
check spill-roundtrip 0 "$R" text "$T/big-file.xml"; out_same "$T/big.txt"; verdict
"$R" metrics "$G/017.txt" | tail -n +2 | cut -f 2- >"$T/017.rows"
check spill-metrics 0 "$R" metrics --no-header -j 2 "$T/big.txt"
assert "rows of fifty copies" [ "$(wc -l <"$T/out")" -eq $((50 * $(wc -l <"$T/017.rows"))) ]
keep spill.tsv; verdict
check spill-metrics-o-file 0 "$R" metrics --no-header -o "$T/big.tsv" "$T/big.txt"
assert "-o FILE differs from stdout" cmp -s "$T/big.tsv" "$T/spill.tsv"; verdict
# No temporary file to spill into: the output waits in memory instead,
# the same bytes.
check spill-impossible 0 env TMPDIR="$T/none" "$R" extract -q -j 2 "$T/big.txt" "$G/000.txt"
out_same "$T/spill.xml"; err_lines 1; verdict
check spill-impossible-metrics 0 env TMPDIR="$T/none" "$R" metrics --no-header -j 2 "$T/big.txt"
out_same "$T/spill.tsv"; verdict

# --- JSON Lines ----------------------------------------------------------------
printf '%s\n' '{"id": "a", "text": "一、总体情况\n全年完成投资3800万元，新增企业23家。"}' \
	'{"text": "二、下一步\n力争实现增长1.6%。", "id": 2}' \
	'not json' \
	'{"id": {"k": [1, 2]}, "text": "\u4e09\u3001\u5176\u4ed6\n\ud83d\ude00 10\u5bb6"}' \
	'{"id": "no text"}' >"$T/in.jsonl"
check jsonl-extract 2 "$R" extract -q --input-format jsonl "$T/in.jsonl"
assert "one line per input line" test "$(grep -c '' "$T/out")" -eq 5
out_has '^\{"id":"a","status":"ok","encoding":"UTF-8","xml":"<\?xml'
out_has '^\{"id":2,"status":"ok"'
out_has '^\{"id":null,"status":"error","error":"not a JSON object"\}$'
out_has '^\{"id":\{"k": \[1, 2\]\},"status":"ok"'
out_has '^\{"id":"no text","status":"error","error":"no \\"text\\" member"\}$'
err_fixed "$T/in.jsonl:3: not a JSON object"
verdict
check jsonl-metrics 2 "$R" metrics --input-format jsonl "$T/in.jsonl"
assert "one line per input line" test "$(grep -c '' "$T/out")" -eq 5
out_has '^\{"id":"a","status":"ok","indicators":\[\{"file":"[^"]*in.jsonl:1","start":[0-9]+,"end":[0-9]+,"raw":"3800万元"'
out_has '"raw":"23家"'
out_has '^\{"id":2,.*"raw":"1.6%".*"role":"target"'
out_has '"raw":"10家"'
verdict
check jsonl-summarize 2 "$R" summarize --input-format jsonl "$T/in.jsonl"
assert "one line per input line" test "$(grep -c '' "$T/out")" -eq 5
out_has '^\{"id":"a","status":"ok","summary":\{"file":"[^"]*in.jsonl:1",'
out_has '^\{"id":null,"status":"error","error":"not a JSON object"\}$'; verdict
check jsonl-roll-up-refused 2 "$R" summarize --roll-up --input-format jsonl "$T/in.jsonl"
err_lines 1; out_empty; verdict
stdin=$T/in.jsonl check jsonl-stdin-j2 2 "$R" metrics --input-format jsonl -j 2
"$R" metrics --input-format jsonl -j 1 <"$T/in.jsonl" >"$T/j1" 2>/dev/null
out_same "$T/j1"; verdict
if command -v python3 >/dev/null 2>&1; then
	# round trip: the XML inside each record gives back the text inside
	python3 - "$G" >"$T/docs.jsonl" <<'PY'
import json, os, sys
d = sys.argv[1]
for n in sorted(os.listdir(d)):
    if n.endswith('.txt') and 'gbk' not in n:
        print(json.dumps({'id': n, 'text': open(os.path.join(d, n), encoding='utf-8').read()}, ensure_ascii=False))
PY
	check jsonl-round-trip 0 "$R" extract -q --input-format jsonl -j 2 "$T/docs.jsonl"
	python3 - "$T/out" "$T/docs.jsonl" <<'PY' || fail_with "text of the XML differs from the input"
import json, sys
import xml.etree.ElementTree as ET
def text(e):
    if e.tag.endswith('}ctl'):
        return chr(int(e.get('cp'), 16)) + (e.tail or '')
    return (e.text or '') + ''.join(text(c) for c in e) + (e.tail or '')
outs = [json.loads(l) for l in open(sys.argv[1], encoding='utf-8')]
ins = [json.loads(l) for l in open(sys.argv[2], encoding='utf-8')]
assert [o['id'] for o in outs] == [i['id'] for i in ins], 'order'
for o, i in zip(outs, ins):
    root = ET.fromstring(o['xml'].encode('utf-8'))
    root.tail = None
    assert text(root) == i['text'], o['id']
PY
	verdict
	check jsonl-validate 0 sh -c "\"$R\" extract -q --jsonl '$G/000.txt' '$G/017.txt' |
		python3 -c 'import json,sys
for l in sys.stdin: print(json.dumps({\"id\": json.loads(l)[\"file\"], \"text\": json.loads(l)[\"xml\"]}))' |
		\"$R\" validate --input-format jsonl"
	out_has '^\{"id":"[^"]*000.txt","status":"valid","problems":\[\]\}$'; verdict
else
	echo "python3 not installed: JSON round-trip cases not run"
fi
check extract-jsonl-error 2 "$R" extract -q --jsonl "$G/000.txt" "$T/binary.txt"
out_has '^\{"file":"[^"]*000.txt","status":"ok"'
out_has '^\{"file":"[^"]*binary.txt","status":"error","error":"[^"]+"\}$'; verdict
# a record's line may be twice its text and more (\uXXXX escapes): the limit
# is on the text
esc=$(i=0; while [ $i -lt 300 ]; do printf '\\u4e09'; i=$((i + 1)); done)
printf '{"id": 1, "text": "%s 10家"}\n{"id": 2, "text": "%s%s 10家"}\n' "$esc" "$esc" "$esc" >"$T/esc.jsonl"
check jsonl-max-input-size 2 "$R" metrics --input-format jsonl --max-input-size 1K "$T/esc.jsonl"
out_has '^\{"id":1,"status":"ok","indicators":\[\{.*"raw":"10家"'
out_has '^\{"id":2,"status":"error","error":"larger than --max-input-size \(1024 bytes\)"\}$'
verdict
check input-format-bad 2 "$R" metrics --input-format yaml "$G/000.txt"; err_lines 1; verdict

# --- progress ------------------------------------------------------------------
check progress-off-by-default 0 "$R" metrics --no-header "$G/000.txt" "$G/017.txt"
err_lacks "ETA"; assert "no carriage return" sh -c "! grep -q \"\$(printf '\\r')\" '$T/err'"; verdict
check progress-forced 0 "$R" metrics --no-header --progress -j 1 "$G/000.txt" "$G/017.txt"
assert "a progress line" grep -q "$(printf '\r')" "$T/err"
err_has '[0-9]+/2 files'; verdict

finish
