/// Namespace of the word sets the rules compare tokens with (see the extensions in each rule file).
enum RuleWords {}
