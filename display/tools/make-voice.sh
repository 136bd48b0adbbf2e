#!/usr/bin/env bash
# Builds the voice of the waiting-room display: one short Ogg Vorbis clip per word (Bahasa Indonesia),
# spoken by espeak-ng and cleaned up by sox, plus a two-tone "ding-dong" chime synthesised by sox.
# The display plays announcements by putting these clips back to back ("nomor antrean | a | dua belas |
# silakan ke | ruang periksa umum | satu"), so it needs neither internet nor speechSynthesis voices.
#
#   display/tools/make-voice.sh            # (re)writes display/src/main/resources/display/assets/voice/
#
# Needs espeak-ng and sox; tuned with RATE, PITCH, VOICE, QUALITY, OUT (see tools/speech.sh, shared with the
# kiosk's spoken guidance).
#
# To add a word to the vocabulary of room/counter names: add a line to WORDS below, add the same word to
# VOCABULARY in assets/voice.js, and run this script again.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
out=${OUT:-$here/../src/main/resources/display/assets/voice}
. "$here/../../tools/speech.sh"

# clip name | what espeak-ng is given to say
WORDS=$(cat <<'EOF'
nomor-antrean|nomor antrean
silakan-ke|silakan ke
nol|nol
satu|satu
dua|dua
tiga|tiga
empat|empat
lima|lima
enam|enam
tujuh|tujuh
delapan|delapan
sembilan|sembilan
sepuluh|sepuluh
sebelas|sebelas
belas|belas
puluh|puluh
seratus|seratus
ratus|ratus
seribu|seribu
ribu|ribu
a|a
be|be
ce|ce
de|de
e|e
ef|ef
ge|ge
ha|ha
i|i
je|je
ka|ka
el|el
em|em
en|en
o|o
pe|pe
ki|ki
er|er
es|es
te|te
u|u
ve|ve
we|we
eks|eks
ye|ye
zet|zet
loket|loket
ruang|ruang
ruangan|ruangan
poli|poli
umum|umum
gigi|gigi
kia|ka i a
lab|lab
laboratorium|laboratorium
apotek|apotek
farmasi|farmasi
periksa|periksa
pemeriksaan|pemeriksaan
pendaftaran|pendaftaran
tindakan|tindakan
imunisasi|imunisasi
gizi|gizi
tb|te be
lansia|lansia
anak|anak
ibu|ibu
kb|ka be
mtbs|em te be es
ugd|u ge de
rawat|rawat
jalan|jalan
konseling|konseling
sanitasi|sanitasi
kesehatan|kesehatan
jiwa|jiwa
mata|mata
tht|te ha te
kasir|kasir
dokter|dokter
bidan|bidan
perawat|perawat
dan|dan
EOF
)

names=()
while IFS='|' read -r name text; do
  [ -n "$name" ] || continue
  speak "$name" "$text"
  names+=("$name")
done <<< "$WORDS"

# Chime: a bell-like "ding" (E5) then "dong" (C5), each a fundamental with softer partials that die away
# sooner, exponential decay and a 5 ms attack, written as sample values by awk (sox's .dat text format)
# and mixed by sox; the dong starts 0.6 s after the ding. Normalised to -3 dBFS, a little softer than the
# voice.
bell() {
  local file=$1 f=$2 len=$3 tau=$4
  awk -v f="$f" -v len="$len" -v tau="$tau" 'BEGIN {
    rate = 22050; pi = 3.14159265358979; n = int(len * rate)
    print "; Sample Rate 22050"; print "; Channels 1"
    for (i = 0; i < n; i++) {
      t = i / rate
      attack = t < 0.005 ? t / 0.005 : 1
      release = (len - t) < 0.05 ? (len - t) / 0.05 : 1
      v = 0.60 * exp(-t / tau) * sin(2 * pi * f * t) \
        + 0.25 * exp(-t / (tau * 0.5)) * sin(2 * pi * 2 * f * t) \
        + 0.10 * exp(-t / (tau * 0.3)) * sin(2 * pi * 3.01 * f * t) \
        + 0.05 * exp(-t / 0.06) * sin(2 * pi * 4.2 * f * t)
      printf "%.6f %.6f\n", t, v * attack * release
    }
  }' > "$tmp/$file.dat"
  "$SOX" "$tmp/$file.dat" -b 16 "$tmp/$file.wav"
}
bell ding 659.25 1.2 0.45
bell dong 523.25 1.8 0.65
"$SOX" "$tmp/dong.wav" "$tmp/dong-late.wav" pad 0.6 0
"$SOX" -m "$tmp/ding.wav" "$tmp/dong-late.wav" "$tmp/chime-mix.wav"
"$SOX" "$tmp/chime-mix.wav" -r 22050 -c 1 "$tmp/chime.wav" norm -3
"$SOX" "$tmp/chime.wav" -C "$QUALITY" "$out/chime.ogg"
names=(chime "${names[@]}")

# clips.json: the names of every clip, which the display loads (assets/voice/<name>.ogg) at start.
{
  printf '{\n  "format": "ogg",\n  "clips": [\n'
  for i in "${!names[@]}"; do
    sep=','; [ "$i" -eq $((${#names[@]} - 1)) ] && sep=''
    printf '    "%s"%s\n' "${names[$i]}" "$sep"
  done
  printf '  ]\n}\n'
} > "$out/clips.json"

total=$(du -cb "$out"/*.ogg | tail -1 | cut -f1)
echo "make-voice: ${#names[@]} clips in $out ($((total / 1024)) KiB)"
