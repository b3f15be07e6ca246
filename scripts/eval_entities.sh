#!/bin/sh
# Rebuilds the entity eval table of docs/entities.md: every corpus the way the
# external checker scores it (exact-span micro F1; see docs/entities.md).
# Usage: scripts/eval_entities.sh [DATA_DIR]   (default ../shared/data)
set -eu
D=${1:-../shared/data}
M="$D/LABEL_MAPS.json"
LEDE=${LEDE:-target/release/lede}
run() { # name file map labels [--trim-titles]
  name=$1; shift
  printf '%-18s ' "$name"
  "$LEDE" eval ner --gold "$D/$1" --map "$M#$2" --labels "$3" ${4:-} |
    awk '$1 == "micro" { printf "P %s  R %s  F1 %s", $2, $3, $4 }
         /^precision of spans with score > 0.9/ { printf "   P(score>0.9) %s %s\n", $8, $9 }'
}
run "gmb_kaggle/dev"   gmb_kaggle/dev.jsonl    gmb_kaggle  PER,ORG,LOC,NORP --trim-titles
run "gmb_kaggle/test"  gmb_kaggle/test.jsonl   gmb_kaggle  PER,ORG,LOC,NORP --trim-titles
run "gum_ner/dev"      gum_ner/dev.jsonl       gum_ner     PER,ORG,LOC
run "gum_ner/test"     gum_ner/test.jsonl      gum_ner     PER,ORG,LOC
run "wikigold/all"     wikigold/all.jsonl      wikigold    PER,ORG,LOC,MISC
run "uner_en_ewt/test" uner_en_ewt/test.jsonl  uner_en_ewt PER,ORG,LOC
run "wnut17/test"      wnut17/test.jsonl       wnut17      PER,ORG,LOC
run "btc/h"            btc/h.jsonl             btc         PER,ORG,LOC
# News written for lede (OntoNotes conventions; EVENT is not scored).
news() { # name file
  printf '%-18s ' "$1"
  "$LEDE" eval ner --gold "tests/fixtures/$2" --map "PERSON=PER,ORG=ORG,GPE=LOC,LOC=LOC,NORP=NORP,EVENT=" \
    --labels PER,ORG,LOC,NORP |
    awk '$1 == "micro" { printf "P %s  R %s  F1 %s", $2, $3, $4 }
         /^precision of spans with score > 0.9/ { printf "   P(score>0.9) %s %s\n", $8, $9 }'
}
news "news_blind"   news_blind.gold.jsonl
news "news_heldout" news_heldout.gold.jsonl
news "news_final"   news_final.gold.jsonl
news "news_fresh"   news_fresh.gold.jsonl
news "news_blind2"  news_blind2.gold.jsonl
news "news_blind3"  news_blind3.gold.jsonl
news "news_blind4"  news_blind4.gold.jsonl
news "news_blind5"  news_blind5.gold.jsonl
news "news_blind6"  news_blind6.gold.jsonl
news "news_blind7"  news_blind7.gold.jsonl
news "news_blind8"  news_blind8.gold.jsonl
