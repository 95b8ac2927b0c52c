//! English and Portuguese words people type on a Spanish catalog ("passport renewal",
//! "carteira de motorista"), rewritten into the Spanish words the catalog uses before
//! the query is matched. Only the obvious cases: a visitor's first try, not a
//! translator.

/// Folded foreign word or phrase → folded Spanish words. Phrases (two or three words)
/// are tried before single words, so `driving licence` is one unit. About 1.6 KB.
const FOREIGN: &[(&str, &str)] = &[
    // Identity and civil registry.
    ("passport", "pasaporte"),
    ("passaporte", "pasaporte"),
    ("id card", "cedula identidad"),
    ("identity card", "cedula identidad"),
    ("carteira de identidade", "cedula identidad"),
    ("identidade", "identidad"),
    ("birth certificate", "certificado nacimiento"),
    ("certidao de nascimento", "certificado nacimiento"),
    ("certificate", "certificado"),
    ("certidao", "certificado"),
    ("birth", "nacimiento"),
    ("nascimento", "nacimiento"),
    ("marriage", "matrimonio"),
    ("married", "matrimonio"),
    ("casamento", "matrimonio"),
    ("death", "defuncion"),
    ("obito", "defuncion"),
    ("criminal record", "antecedentes penales"),
    ("antecedentes criminais", "antecedentes penales"),
    ("foreigner", "extranjero"),
    ("estrangeiro", "extranjero"),
    ("residence", "residencia"),
    // Driving and vehicles.
    ("driving licence", "licencia conducir"),
    ("driving license", "licencia conducir"),
    ("driver license", "licencia conducir"),
    ("drivers license", "licencia conducir"),
    ("carteira de motorista", "licencia conducir"),
    ("carteira de habilitacao", "licencia conducir"),
    ("carta de conducao", "licencia conducir"),
    ("cnh", "licencia conducir"),
    ("licence", "licencia"),
    ("license", "licencia"),
    ("licenca", "licencia"),
    ("vehicle", "vehiculo"),
    ("car", "vehiculo"),
    ("veiculo", "vehiculo"),
    // Work, pensions, taxes, business.
    ("retirement", "jubilacion"),
    ("retire", "jubilacion"),
    ("aposentadoria", "jubilacion"),
    ("aposentar", "jubilacion"),
    ("job", "trabajo"),
    ("work", "trabajo"),
    ("trabalho", "trabajo"),
    ("tax", "impuesto"),
    ("taxes", "impuesto"),
    ("imposto", "impuesto"),
    ("company", "empresa"),
    ("business", "empresa"),
    ("health insurance", "seguro salud"),
    ("insurance", "seguro"),
    ("health", "salud"),
    ("saude", "salud"),
    // Actions.
    ("renew", "renovar"),
    ("renewal", "renovacion"),
    ("renovacao", "renovacion"),
    ("register", "registro"),
    ("registration", "registro"),
    ("enroll", "inscripcion"),
    ("enrol", "inscripcion"),
    ("payment", "pago"),
    ("pay", "pago"),
    ("pagamento", "pago"),
    ("building permit", "permiso construccion"),
    ("permit", "permiso"),
    ("complaint", "denuncia"),
    ("reclamacao", "reclamo"),
    ("school", "escuela"),
    ("escola", "escuela"),
];

/// Longest phrase in [`FOREIGN`], in words.
const MAX_WORDS: usize = 3;

/// Rewrites the foreign words and phrases of `words` (folded) into Spanish. Each
/// output word keeps the index of the input word it came from, so a suggestion can
/// still point at what the person typed.
pub(crate) fn to_spanish(words: &[String]) -> Vec<(String, usize)> {
    let mut out = Vec::with_capacity(words.len());
    let mut i = 0;
    'words: while i < words.len() {
        for n in (1..=MAX_WORDS.min(words.len() - i)).rev() {
            let key = words[i..i + n].join(" ");
            if let Some(&(_, spanish)) = FOREIGN.iter().find(|(k, _)| *k == key) {
                out.extend(spanish.split(' ').map(|w| (w.to_string(), i)));
                i += n;
                continue 'words;
            }
        }
        out.push((words[i].clone(), i));
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::to_spanish;

    fn spanish(query: &str) -> Vec<String> {
        let words: Vec<String> = query.split(' ').map(str::to_string).collect();
        to_spanish(&words).into_iter().map(|w| w.0).collect()
    }

    #[test]
    fn phrases_win_over_their_words() {
        assert_eq!(spanish("driving licence"), ["licencia", "conducir"]);
        assert_eq!(spanish("carteira de motorista"), ["licencia", "conducir"]);
        assert_eq!(spanish("renew my license"), ["renovar", "my", "licencia"]);
    }

    #[test]
    fn spanish_words_pass_through() {
        assert_eq!(spanish("pasaporte renovacion"), ["pasaporte", "renovacion"]);
        assert_eq!(spanish("aposentadoria"), ["jubilacion"]);
    }

    #[test]
    fn every_entry_is_folded_and_phrases_fit() {
        for (k, v) in super::FOREIGN {
            assert_eq!(*k, crate::search::text::fold(k), "{k}");
            assert!(k.split(' ').count() <= super::MAX_WORDS, "{k}");
            assert!(!v.is_empty() && v.split(' ').all(|w| !w.is_empty()), "{v}");
        }
    }
}
