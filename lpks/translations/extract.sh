#!/bin/sh
# Extract the LPKS source strings (Bahasa Indonesia) and update the English catalogue.
#
#   lpks/translations/extract.sh            # from anywhere; uses .venv/bin/pybabel when present
#   PYBABEL=/path/to/pybabel lpks/translations/extract.sh
#
# Writes lpks/translations/messages.pot (template) and updates
# lpks/translations/en/LC_MESSAGES/messages.po; translate the new/fuzzy entries there.
# Indonesian needs no "messages" catalogue: msgids are already Indonesian.
# The .mo files are compiled by lpks.i18n at start-up into <instance>/translations (never commit *.mo).
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
PACKAGE=$(dirname "$HERE")            # lpks/
ROOT=$(dirname "$PACKAGE")            # repository root

if [ -z "${PYBABEL:-}" ]; then
    if [ -x "$ROOT/.venv/bin/pybabel" ]; then
        PYBABEL="$ROOT/.venv/bin/pybabel"
    else
        PYBABEL=pybabel
    fi
fi

cd "$ROOT"
"$PYBABEL" extract \
    --mapping-file "lpks/translations/babel.cfg" \
    --output-file "lpks/translations/messages.pot" \
    --project LPKS \
    --copyright-holder LPKS \
    --width 100 \
    --sort-by-file \
    --add-comments "TRANSLATORS:" \
    --keyword "_l" --keyword "lazy_gettext" \
    --keyword "lazy_ngettext:1,2" --keyword "lazy_pgettext:1c,2" \
    --keyword "_n:1,2" \
    .

"$PYBABEL" update \
    --input-file "lpks/translations/messages.pot" \
    --output-dir "lpks/translations" \
    --domain messages \
    --locale en \
    --width 100

echo "Updated lpks/translations/en/LC_MESSAGES/messages.po; translate new and fuzzy entries."
