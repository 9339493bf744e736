# Writes Resources/i18n/*.json and I18n/L10nKey.swift from strings.py (the one place UI text is written).
import json, os, sys, re
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from strings import S, P
root = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'Sources', 'SharakaApp')
for lang in ['ar','fr','en','zgh']:
    d = {k: v[lang] for k, v in S.items()}
    d.update({k: v[lang] for k, v in P.items()})
    with open(f'{root}/Resources/i18n/{lang}.json','w') as f:
        json.dump(dict(sorted(d.items())), f, ensure_ascii=False, indent=1)
        f.write('\n')
def case(k): return f'    case {k}'
with open(f'{root}/I18n/L10nKey.swift','w') as f:
    f.write('/// Every UI string the views use. The catalogue files in Resources/i18n hold their\n/// text per language; a test checks that each catalogue has each key.\nenum L10nKey: String, CaseIterable, Sendable {\n')
    f.write('\n'.join(case(k) for k in S) + '\n}\n\n')
    f.write('/// Counted strings, with one form per CLDR plural category of each language.\nenum PluralKey: String, CaseIterable, Sendable {\n')
    f.write('\n'.join(case(k) for k in P) + '\n}\n')
print(len(S), len(P))
