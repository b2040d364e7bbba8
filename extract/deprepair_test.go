package extract

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
)

// xposTree builds a parsed sentence from lines "form lemma UPOS XPOS head
// rel" (heads 1-based, 0 the root): handTree with the Penn tag, which the
// repairs read for tense.
func xposTree(t *testing.T, src string) []depWord {
	t.Helper()
	var words []depWord
	off := 0
	for _, line := range strings.Split(strings.TrimSpace(src), "\n") {
		f := strings.Fields(line)
		if len(f) != 6 {
			t.Fatalf("bad tree line %q", line)
		}
		h, err := strconv.Atoi(f[4])
		if err != nil {
			t.Fatalf("bad head in %q", line)
		}
		words = append(words, depWord{Form: f[0], Lemma: f[1], UPOS: f[2], XPOS: f[3], Head: h, Rel: f[5], Span: Span{Start: off, End: off + len(f[0])}})
		off += len(f[0]) + 1
	}
	return words
}

// TestRepairParseShapes: sentences of the shapes the three-order parser
// gives where the single-order one gave others (a conjunct with no
// conjunction or comma before it, an object before its verb's subject, a
// name cut into conjuncts, a subject with a preposition, a modifier with
// a conjunction, a possessor read as a gerund's subject), each written by
// hand as the parser reads it, and the words the repairs re-attach, as
// "form>head:rel" (head the form of the new head, or ROOT).
func TestRepairParseShapes(t *testing.T) {
	for _, c := range []struct {
		name, tree string
		want       []string
	}{
		{"the subject of a past-tense verb with an object read as the root, the verb as its reduced relative", `
Rebels rebel NOUN NNS 0 root
seized seize VERB VBN 1 acl
control control NOUN NN 2 obj
of of ADP IN 6 case
the the DET DT 6 det
town town NOUN NN 3 nmod
. . PUNCT . 1 punct`, []string{"Rebels>seized:nsubj", "seized>ROOT:root", ".>seized:punct"}},
		{"a verb after a subject's relative clause set off by commas, hung on the subject as dep: the verb heads the sentence", `
McCormick McCormick PROPN NNP 0 root
, , PUNCT , 5 punct
who who PRON WP 5 nsubj
has have AUX VBZ 5 aux
split split VERB VBN 1 acl:relcl
from from ADP IN 7 case
Republicans Republican PROPN NNPS 5 obl
, , PUNCT , 1 punct
told tell VERB VBD 1 dep
teachers teacher NOUN NNS 9 obj
that that SCONJ IN 13 mark
they they PRON PRP 13 nsubj
lied lie VERB VBD 9 ccomp
. . PUNCT . 9 punct`, []string{"McCormick>told:nsubj", ",>told:punct", "told>ROOT:root"}},
		{"a subject's whose-clause read as the main clause: the verb after its closing comma heads the sentence", `
The the DET DT 2 det
mayor mayor NOUN NN 6 obl
, , PUNCT , 2 punct
whose whose PRON WP$ 5 nmod:poss
office office NOUN NN 6 nsubj
oversees oversee VERB VBZ 0 root
the the DET DT 8 det
police police NOUN NN 6 obj
, , PUNCT , 10 punct
told tell VERB VBD 6 conj
reporters reporter NOUN NNS 10 iobj
that that SCONJ IN 14 mark
they they PRON PRP 14 nsubj
lied lie VERB VBD 10 ccomp
. . PUNCT . 6 punct`, []string{"mayor>told:nsubj", "oversees>mayor:acl:relcl", "told>ROOT:root", ".>told:punct"}},
		{"a whose-clause after an object stays", `
Police police NOUN NNS 2 nsubj
questioned question VERB VBD 0 root
a a DET DT 4 det
man man NOUN NN 2 obj
, , PUNCT , 8 punct
whose whose PRON WP$ 7 nmod:poss
car car NOUN NN 8 nsubj
burned burn VERB VBD 4 acl:relcl
. . PUNCT . 2 punct`, nil},
		{"a verb after a comma-set phrase that is not the subject's clause stays", `
McCormick McCormick PROPN NNP 0 root
, , PUNCT , 4 punct
in in ADP IN 4 case
Indiana Indiana PROPN NNP 1 nmod
, , PUNCT , 1 punct
told tell VERB VBD 1 dep
teachers teacher NOUN NNS 6 obj
. . PUNCT . 6 punct`, nil},
		{"after a verb of naming, an apposition with no comma is what the object is called", `
Trump Trump PROPN NNP 2 nsubj
called call VERB VBD 0 root
the the DET DT 4 det
deal deal NOUN NN 2 obj
a a DET DT 6 det
disaster disaster NOUN NN 4 appos
. . PUNCT . 2 punct`, []string{"disaster>called:xcomp"}},
		{"after a verb of naming, an apposition set off by a comma stays", `
Trump Trump PROPN NNP 2 nsubj
called call VERB VBD 0 root
the the DET DT 4 det
minister minister NOUN NN 2 obj
, , PUNCT , 7 punct
a a DET DT 7 det
friend friend NOUN NN 4 appos
. . PUNCT . 2 punct`, nil},
		{"a verb of naming with two complements and no object: the first is the object", `
Hegseth Hegseth PROPN NNP 2 nsubj
called call VERB VBD 0 root
the the DET DT 5 det
detention detention NOUN NN 5 compound
center center NOUN NN 2 xcomp
" " PUNCT '' 9 punct
the the DET DT 9 det
perfect perfect ADJ JJ 9 amod
place place NOUN NN 2 xcomp
" " PUNCT '' 9 punct
. . PUNCT . 2 punct`, []string{"center>called:obj"}},
		{"a possessive name read as the object, the -ing word after it a clause: the gerund is the object", `
Trump Trump PROPN NNP 2 nsubj
confirmed confirm VERB VBD 0 root
Kamara Kamara PROPN NNP 2 obj
’s 's PART POS 3 case
killing kill VERB VBG 2 xcomp
. . PUNCT . 2 punct`, []string{"Kamara>killing:nmod:poss", "killing>confirmed:obj"}},
		{"an -ing clause after an object without a possessive stays", `
Police police NOUN NNS 2 nsubj
caught catch VERB VBD 0 root
him he PRON PRP 2 obj
stealing steal VERB VBG 2 xcomp
. . PUNCT . 2 punct`, nil},
		{"a name read as a plural noun before a verb of saying without an object: the verb heads the sentence", `
Matthaes matthae NOUN NNS 0 root
warned warn VERB VBN 1 acl
against against ADP IN 5 case
hospital hospital NOUN NN 5 compound
care care NOUN NN 2 obl
. . PUNCT . 1 punct`, []string{"Matthaes>warned:nsubj", "warned>ROOT:root", ".>warned:punct"}},
		{"a name read as a plural noun, its apposition set off by commas, then a verb of saying hung on the apposition", `
Matthaes matthae NOUN NNS 0 root
, , PUNCT , 1 punct
a a DET DT 5 det
Vietnam Vietnam PROPN NNP 5 compound
dweller dweller NOUN NN 1 nsubj
, , PUNCT , 7 punct
warned warn VERB VBN 5 acl
against against ADP IN 9 case
care care NOUN NN 7 obl
. . PUNCT . 1 punct`, []string{"Matthaes>warned:nsubj", "dweller>Matthaes:appos", "warned>ROOT:root", ".>warned:punct"}},
		{"a root noun with a subject of its own and a that-clause with its own subject: a verb, the clause its complement", `
Groups group NOUN NNS 2 nsubj
estimate estimate NOUN NN 0 root
that that SCONJ IN 7 mark
more more ADJ JJR 5 advmod
people people NOUN NNS 7 nsubj:pass
were be AUX VBD 7 aux:pass
confined confine VERB VBN 2 acl
. . PUNCT . 2 punct`, []string{"confined>estimate:ccomp"}},
		{"a root noun without a subject keeps its clause", `
The the DET DT 2 det
claim claim NOUN NN 0 root
that that SCONJ IN 5 mark
prices price NOUN NNS 5 nsubj
rose rise VERB VBD 2 acl
. . PUNCT . 2 punct`, nil},
		{"an object before an unmarked adverbial clause with a finite auxiliary and no subject: its subject, the clause a complement", `
Reports report NOUN NNS 2 nsubj
indicated indicate VERB VBD 0 root
two two NUM CD 4 nummod
attacks attack NOUN NNS 2 obj
had have AUX VBD 6 aux
involved involve VERB VBN 2 advcl
militants militant NOUN NNS 6 obj
. . PUNCT . 2 punct`, []string{"attacks>involved:nsubj", "involved>indicated:ccomp"}},
		{"the same clause under a participle that modifies a noun stays", `
Scientists scientist NOUN NNS 0 root
using use VERB VBG 1 acl
a a DET DT 4 det
telescope telescope NOUN NN 2 obj
have have AUX VBP 6 aux
confirmed confirm VERB VBN 2 advcl
water water NOUN NN 6 obj
. . PUNCT . 1 punct`, nil},
		{"a name set off by commas before a verb without a subject, read as a vocative: the subject", `
Ankara Ankara PROPN NNP 6 vocative
, , PUNCT , 1 punct
too too ADV RB 6 advmod
, , PUNCT , 3 punct
is be AUX VBZ 6 aux
warning warn VERB VBG 0 root
Washington Washington PROPN NNP 6 obj
. . PUNCT . 6 punct`, []string{"Ankara>warning:nsubj"}},
		{"a vocative after the verb stays", `
Thank thank VERB VB 0 root
you you PRON PRP 1 obj
, , PUNCT , 4 punct
Mr. Mr. PROPN NNP 1 vocative
. . PUNCT . 1 punct`, nil},
		{"a verb of saying with a subordinator made the root, the main clause a parataxis of its complement: the main clause heads", `
Although although SCONJ IN 4 mark
Mauritius Mauritius PROPN NNP 4 nsubj
has have AUX VBZ 4 aux
said say VERB VBN 0 root
that that SCONJ IN 7 mark
facilities facility NOUN NNS 7 nsubj
closed close VERB VBD 4 ccomp
, , PUNCT , 10 punct
they they PRON PRP 10 nsubj
give give VERB VBP 7 parataxis
India India PROPN NNP 10 obj
. . PUNCT . 4 punct`, []string{"said>give:advcl", "give>ROOT:root", ".>give:punct"}},
		{"a verb of saying made the root without a subordinator stays", `
Mauritius Mauritius PROPN NNP 2 nsubj
said say VERB VBD 0 root
that that SCONJ IN 5 mark
facilities facility NOUN NNS 5 nsubj
closed close VERB VBD 2 ccomp
, , PUNCT , 8 punct
they they PRON PRP 8 nsubj
give give VERB VBP 5 parataxis
. . PUNCT . 2 punct`, nil},
		{"a subordinator read as the preposition of a finite verb's subject marks the verb's clause", `
He he PRON PRP 2 nsubj
left leave VERB VBD 0 root
after after ADP IN 5 case
the the DET DT 5 det
Taliban Taliban PROPN NNP 6 nsubj
reported report VERB VBD 2 conj
it it PRON PRP 6 obj
. . PUNCT . 2 punct`, []string{"after>reported:mark", "reported>left:advcl"}},
		{"after a verb of naming, a pronoun object and a noun right after it: the noun is its predicate", `
He he PRON PRP 2 nsubj
called call VERB VBD 0 root
it it PRON PRP 2 obj
a a DET DT 5 det
crime crime NOUN NN 2 obj
. . PUNCT . 2 punct`, []string{"crime>called:xcomp"}},
		{"two objects of a verb of giving stay", `
He he PRON PRP 2 nsubj
gave give VERB VBD 0 root
them they PRON PRP 2 obj
a a DET DT 5 det
book book NOUN NN 2 obj
. . PUNCT . 2 punct`, nil},
		{"a participle of naming after a comma inside a reported clause, no subject of its own: the reporting verb's", `
Modi Modi PROPN NNP 2 nsubj
announced announce VERB VBD 0 root
that that SCONJ IN 6 mark
India India PROPN NNP 6 nsubj
will will AUX MD 6 aux
build build VERB VB 2 ccomp
parliament parliament NOUN NN 6 obj
, , PUNCT , 9 punct
calling call VERB VBG 6 conj
it it PRON PRP 9 obj
a a DET DT 12 det
gift gift NOUN NN 9 obl
. . PUNCT . 2 punct`, []string{"calling>announced:advcl", "gift>calling:xcomp"}},
		{"a participle of another verb there stays the inner clause's", `
He he PRON PRP 2 nsubj
said say VERB VBD 0 root
police police NOUN NNS 4 nsubj
shot shoot VERB VBD 2 ccomp
him he PRON PRP 4 obj
, , PUNCT , 7 punct
killing kill VERB VBG 4 advcl
him he PRON PRP 7 obj
. . PUNCT . 2 punct`, nil},
		{"a noun phrase between commas after the subject, made a second subject: its apposition", `
Tran Tran PROPN NNP 8 nsubj
, , PUNCT , 4 punct
the the DET DT 4 det
director director NOUN NN 8 nsubj
of of ADP IN 6 case
Bank Bank PROPN NNP 4 nmod
, , PUNCT , 4 punct
told tell VERB VBD 0 root
VOA VOA PROPN NNP 8 obj
. . PUNCT . 8 punct`, []string{"director>Tran:appos"}},
		{"two subjects without the commas stay", `
Tran Tran PROPN NNP 3 nsubj
director director NOUN NN 3 nsubj
told tell VERB VBD 0 root
VOA VOA PROPN NNP 3 obj
. . PUNCT . 3 punct`, nil},
		{"a verb of threatening in the progressive read as its object's adjective, the copula its auxiliary", `
Ankara Ankara PROPN NNP 4 nsubj
is be AUX VBZ 4 cop
threatening threatening ADJ JJ 4 amod
retaliation retaliation NOUN NN 0 root
. . PUNCT . 4 punct`, []string{"Ankara>threatening:nsubj", "is>threatening:aux", "threatening>ROOT:root", "retaliation>threatening:obj", ".>threatening:punct"}},
		{"a that-clause hung on the relative clause of the indirect object: the clause of the verb", `
Gambill Gambill PROPN NNP 2 nsubj
told tell VERB VBD 0 root
teachers teacher NOUN NNS 2 iobj
who who PRON WP 5 nsubj
covered cover VERB VBD 3 acl:relcl
the the DET DT 7 det
lawn lawn NOUN NN 5 obj
that that SCONJ IN 11 mark
the the DET DT 10 det
state state NOUN NN 11 nsubj
pays pay VERB VBZ 5 ccomp
. . PUNCT . 2 punct`, []string{"pays>told:ccomp"}},
		{"a relative clause without an object keeps its that-clause", `
Gambill Gambill PROPN NNP 2 nsubj
told tell VERB VBD 0 root
teachers teacher NOUN NNS 2 iobj
who who PRON WP 5 nsubj
heard hear VERB VBD 3 acl:relcl
that that SCONJ IN 9 mark
the the DET DT 8 det
state state NOUN NN 9 nsubj
pays pay VERB VBZ 5 ccomp
. . PUNCT . 2 punct`, nil},
		{"a relative clause before the main verb read as that verb's clausal subject, the subject noun as the root", `
A a DET DT 2 det
page page NOUN NN 0 root
on on ADP IN 5 case
the the DET DT 5 det
website website NOUN NN 2 nmod
that that SCONJ IN 9 mark
outlines outline VERB VBZ 9 csubj
relations relation NOUN NNS 7 obj
states state VERB VBZ 5 acl:relcl
that that SCONJ IN 13 mark
the the DET DT 12 det
two two NUM CD 13 nsubj
have have VERB VBP 9 ccomp
ties tie NOUN NNS 13 obj
. . PUNCT . 2 punct`, []string{"page>states:nsubj", "that>outlines:nsubj", "outlines>website:acl:relcl", "states>ROOT:root", ".>states:punct"}},
		{"a relative clause with a clausal subject under a verb root stays", `
He he PRON PRP 2 nsubj
read read VERB VBD 0 root
the the DET DT 4 det
page page NOUN NN 2 obj
that that SCONJ IN 8 mark
outlines outline VERB VBZ 8 csubj
relations relation NOUN NNS 6 obj
states state VERB VBZ 4 acl:relcl
that that SCONJ IN 12 mark
the the DET DT 11 det
two two NUM CD 12 nsubj
have have VERB VBP 8 ccomp
ties tie NOUN NNS 12 obj
. . PUNCT . 2 punct`, nil},
		{"an adjective in -ing of another kind stays", `
This this PRON DT 4 nsubj
is be AUX VBZ 4 cop
interesting interesting ADJ JJ 4 amod
news news NOUN NN 0 root
. . PUNCT . 4 punct`, nil},
		{"an adjective read as an adverb after a verb of naming and its pronoun object: the predicate", `
They they PRON PRP 2 nsubj
called call VERB VBD 0 root
it it PRON PRP 2 obj
exclusionary exclusionary ADV RB 2 advmod
. . PUNCT . 2 punct`, []string{"exclusionary>called:xcomp"}},
		{"a time adverb there stays", `
He he PRON PRP 2 nsubj
called call VERB VBD 0 root
him he PRON PRP 2 obj
later later ADV RB 2 advmod
. . PUNCT . 2 punct`, nil},
		{"a passive participle of saying before an infinitive stays a reduced relative", `
Residents resident NOUN NNS 0 root
warned warn VERB VBN 1 acl
to to PART TO 4 mark
stay stay VERB VB 2 xcomp
indoors indoors ADV RB 4 advmod
. . PUNCT . 1 punct`, nil},
		{"a verb of saying in an opening subordinate clause read as a modifier of its complement, the main clause a conjunct", `
Although although SCONJ IN 3 mark
Smith Smith PROPN NNP 3 nsubj
said say VERB VBD 7 advcl
the the DET DT 5 det
talks talk NOUN NNS 7 nsubj
had have AUX VBD 7 aux
failed fail VERB VBN 0 root
, , PUNCT , 13 punct
the the DET DT 11 det
two two NUM CD 11 nummod
sides side NOUN NNS 13 nsubj
will will AUX MD 13 aux
meet meet VERB VB 7 conj
again again ADV RB 13 advmod
. . PUNCT . 7 punct`, []string{"said>meet:advcl", "failed>said:ccomp", "meet>ROOT:root", ".>meet:punct"}},
		{"a subordinate verb of saying whose complement's conjunct has its own conjunction stays", `
Although although SCONJ IN 3 mark
Smith Smith PROPN NNP 3 nsubj
said say VERB VBD 5 advcl
talks talk NOUN NNS 5 nsubj
failed fail VERB VBD 0 root
, , PUNCT , 10 punct
and and CCONJ CC 10 cc
the the DET DT 9 det
sides side NOUN NNS 10 nsubj
left leave VERB VBD 5 conj
. . PUNCT . 5 punct`, nil},
		{"a participle under a root noun stays a reduced relative when another verb heads a clause", `
Refugees refugee NOUN NNS 0 root
granted grant VERB VBN 1 acl
asylum asylum NOUN NN 2 obj
, , PUNCT , 6 punct
officials official NOUN NNS 6 nsubj
said say VERB VBD 1 parataxis
. . PUNCT . 1 punct`, nil},
		{"a passive verb read as the apposition of its subject, the root", `
" " PUNCT ` + "``" + ` 5 punct
Today today NOUN NN 5 obl:unmarked
the the DET DT 5 det
fugitive fugitive ADJ JJ 5 amod
leader leader NOUN NN 0 root
of of ADP IN 7 case
ISIS ISIS PROPN NNP 5 nmod
was be AUX VBD 9 aux:pass
killed kill VERB VBN 5 appos
. . PUNCT . 5 punct`, []string{"\">killed:punct", "Today>killed:obl:unmarked", "leader>killed:nsubj:pass", "killed>ROOT:root", ".>killed:punct"}},
		{"a verb in apposition after a comma stays", `
the the DET DT 2 det
leader leader NOUN NN 0 root
, , PUNCT , 5 punct
was be AUX VBD 5 aux:pass
killed kill VERB VBN 2 appos
. . PUNCT . 2 punct`, nil},
		{"the subject of a complement clause read as the object of the participle of saying, the clause a conjunct of the root", `
The the DET DT 2 det
strike strike NOUN NN 4 nsubj:pass
was be AUX VBD 4 aux:pass
called call VERB VBN 0 root
off off ADP RP 4 compound:prt
, , PUNCT , 9 punct
with with ADP IN 9 case
union union NOUN NN 9 compound
leaders leader NOUN NNS 4 conj
saying say VERB VBG 9 acl
the the DET DT 12 det
talks talk NOUN NNS 10 obj
had have AUX VBD 14 aux
made make VERB VBN 4 conj
progress progress NOUN NN 14 obj
. . PUNCT . 4 punct`, []string{"talks>made:nsubj", "made>saying:ccomp"}},
		{"the subject of a copular complement clause read as the object of the verb, the predicate its conjunct", `
The the DET DT 2 det
report report NOUN NN 3 nsubj
concluded conclude VERB VBD 0 root
the the DET DT 5 det
dam dam NOUN NN 3 obj
was be AUX VBD 7 cop
unsafe unsafe ADJ JJ 3 conj
. . PUNCT . 3 punct`, []string{"dam>unsafe:nsubj", "unsafe>concluded:ccomp"}},
		{"an -ing modifier of a name read as a verb taking the name and the clause of the verb before it", `
Blinken Blinken PROPN NNP 2 nsubj
assured assure VERB VBD 0 root
visiting visit VERB VBG 2 xcomp
Minister Minister PROPN NNP 5 nmod:desc
Payne Payne PROPN NNP 3 obj
that that SCONJ IN 9 mark
they they PRON PRP 9 nsubj
would would AUX MD 9 aux
help help VERB VB 3 advcl
. . PUNCT . 2 punct`, []string{"visiting>Payne:amod", "Payne>assured:obj", "help>assured:ccomp"}},
		{"a gerund complement with a name as its object stays", `
They they PRON PRP 2 nsubj
enjoyed enjoy VERB VBD 0 root
visiting visit VERB VBG 2 xcomp
Paris Paris PROPN NNP 3 obj
. . PUNCT . 2 punct`, nil},
		{"the only verb, a past tense, read as an adjective on its object", `
Turkey Turkey PROPN NNP 3 compound
threatened threaten VERB VBN 3 amod
retaliation retaliation NOUN NN 0 root
. . PUNCT . 3 punct`, []string{"Turkey>threatened:nsubj", "threatened>ROOT:root", "retaliation>threatened:obj", ".>threatened:punct"}},
		{"an -ed modifier with a hyphen stays", `
Turkey Turkey PROPN NNP 4 compound
- - PUNCT HYPH 1 punct
backed back VERB VBN 4 amod
rebels rebel NOUN NNS 0 root
. . PUNCT . 4 punct`, nil},
		{"a conjunct with its conjunction stays", `
Police police NOUN NNS 2 nsubj
stopped stop VERB VBD 0 root
the the DET DT 4 det
car car NOUN NN 2 obj
and and CCONJ CC 7 cc
had have AUX VBD 7 aux
searched search VERB VBN 2 conj
. . PUNCT . 2 punct`, nil},
		{"the last of a subject's appositions read as the root, the verb a dep of it", `
Cmdr. Cmdr. PROPN NNP 10 nsubj
Sean Sean PROPN NNP 1 flat
Robertson Robertson PROPN NNP 1 flat
, , PUNCT , 5 punct
a a DET DT 5 det
spokesperson spokesperson NOUN NN 1 appos
, , PUNCT , 1 punct
the the DET DT 10 det
military military ADJ JJ 10 amod
operation operation NOUN NN 0 root
, , PUNCT , 10 punct
told tell VERB VBD 10 dep
VOA VOA PROPN NNP 12 obj
. . PUNCT . 12 punct`, []string{"Cmdr.>told:nsubj", "operation>Cmdr.:appos", ",>told:punct", "told>ROOT:root"}},
		{"the subject after an opening prepositional phrase read as a bare oblique inside it", `
In in ADP IN 3 case
a a DET DT 3 det
statement statement NOUN NN 10 obl
issued issue VERB VBN 3 acl
at at ADP IN 6 case
meeting meeting NOUN NN 4 obl
, , PUNCT , 8 punct
Tokyo Tokyo PROPN NNP 4 obl
officials official NOUN NNS 8 dep
shared share VERB VBD 0 root
concerns concern NOUN NNS 10 obj
. . PUNCT . 10 punct`, []string{",>statement:punct", "Tokyo>shared:nsubj"}},
		{"a noun after a comma with its own preposition stays an oblique", `
In in ADP IN 3 case
a a DET DT 3 det
statement statement NOUN NN 10 obl
issued issue VERB VBN 3 acl
at at ADP IN 6 case
meeting meeting NOUN NN 4 obl
, , PUNCT , 9 punct
in in ADP IN 9 case
July July PROPN NNP 4 obl
shared share VERB VBD 0 root
concerns concern NOUN NNS 10 obj
. . PUNCT . 10 punct`, nil},
		{"the source of 'according to' read as the subject of a participle, the clause after the comma a dependent of it", `
According accord VERB VBG 4 case
to to ADP IN 1 fixed
an a DET DT 4 det
assessment assessment NOUN NN 5 nsubj
expressed express VERB VBD 0 root
online online ADV RB 5 advmod
, , PUNCT , 9 punct
relations relation NOUN NNS 9 nsubj
full full ADJ JJ 5 advcl
. . PUNCT . 5 punct`, []string{"assessment>full:obl", "expressed>assessment:acl", "full>ROOT:root", ".>full:punct"}},
		{"the source of 'according to' read as the subject of the verb, the subject a conjunct inside it", `
According accord VERB VBG 4 case
to to ADP IN 1 fixed
a a DET DT 4 det
report report NOUN NN 11 nsubj
seen see VERB VBN 4 acl
by by ADP IN 7 case
Reuters Reuters PROPN NNP 5 obl:agent
, , PUNCT , 10 punct
North North PROPN NNP 10 compound
Korea Korea PROPN NNP 7 conj
continued continue VERB VBD 0 root
its its PRON PRP$ 13 nmod:poss
programs program NOUN NNS 11 obj
. . PUNCT . 11 punct`, []string{"report>continued:obl", ",>report:punct", "Korea>continued:nsubj"}},
		{"a copular clause read as the object of a verb of saying", `
He he PRON PRP 2 nsubj
adds add VERB VBZ 0 root
this this PRON DT 6 nsubj
is be AUX VBZ 6 cop
another another DET DT 6 det
achievement achievement NOUN NN 2 obj
. . PUNCT . 2 punct`, []string{"achievement>adds:ccomp"}},
		{"figure with its preposition read as a compound", `
Trump Trump PROPN NNP 2 nsubj
imposed impose VERB VBD 0 root
tariffs tariff NOUN NNS 2 obj
of of ADP IN 11 case
up up ADP IN 4 fixed
to to ADP IN 7 case
25 25 NUM CD 8 nummod
% % SYM NN 11 compound
on on ADP IN 11 case
Chinese Chinese ADJ JJ 11 amod
goods goods NOUN NNS 3 nmod
. . PUNCT . 2 punct`, []string{"of>%:case", "up>%:advmod", "%>tariffs:nmod"}},
		{"the coordinated subject of a complement clause read as the object of the verb of saying and the subject of its conjunct", `
but but CCONJ CC 3 cc
analysts analyst NOUN NNS 3 nsubj
say say VERB VBP 0 root
the the DET DT 5 det
states state NOUN NNS 3 obj
and and CCONJ CC 8 cc
Taiwan Taiwan PROPN NNP 8 nsubj
look look VERB VBP 3 conj
to to ADP IN 10 case
Washington Washington PROPN NNP 8 obl
. . PUNCT . 3 punct`, []string{"states>look:nsubj", "and>Taiwan:cc", "Taiwan>states:conj", "look>say:ccomp"}},
		{"a complement clause with 'that' read as a relative clause of the oblique of a verb of saying", `
mission mission NOUN NN 2 nsubj
criticized criticize VERB VBD 0 root
it it PRON PRP 2 obj
, , PUNCT , 5 punct
saying say VERB VBG 2 advcl
on on ADP IN 7 case
X X PROPN NNP 5 obl
that that SCONJ IN 10 mark
Washington Washington PROPN NNP 10 nsubj
seeks seek VERB VBZ 7 acl:relcl
gains gain NOUN NNS 10 obj
. . PUNCT . 2 punct`, []string{"seeks>saying:ccomp"}},
		{"a relative clause with a relative pronoun stays", `
he he PRON PRP 2 nsubj
told tell VERB VBD 0 root
reporters reporter NOUN NNS 2 obj
that that PRON WDT 5 nsubj
covered cover VERB VBD 3 acl:relcl
it it PRON PRP 5 obj
. . PUNCT . 2 punct`, nil},
		{"the verb after a subject's apposition read as a participle of a word inside it, under a punctuation root", `
However however ADV RB 12 advmod
, , PUNCT , 1 punct
CMGM CMGM PROPN NNP 12 vocative
, , PUNCT , 6 punct
an a DET DT 6 det
outlet outlet NOUN NN 3 appos
covering cover VERB VBG 6 acl
news news NOUN NN 7 obj
, , PUNCT , 10 punct
reported report VERB VBN 8 acl
gains gain NOUN NNS 10 obj
. . PUNCT . 0 root`, []string{"However>reported:advmod", "CMGM>reported:nsubj", "reported>ROOT:root", ".>reported:punct"}},
		{"a subject's apposition with a participle read as the sentence, its verb an adverbial clause", `
Harlow Harlow PROPN NNP 2 compound
News News PROPN NNP 6 vocative
, , PUNCT , 2 punct
a a DET DT 5 det
site site NOUN NN 6 nsubj
covering cover VERB VBG 0 root
politics politics NOUN NNS 6 obj
, , PUNCT , 9 punct
reported report VERB VBN 6 advcl
gains gain NOUN NNS 9 obj
. . PUNCT . 6 punct`, []string{"News>reported:nsubj", ",>site:punct", "site>News:appos", "covering>site:acl", "reported>ROOT:root", ".>reported:punct"}},
		{"'what' of a free relative of naming read as the determiner of its subject", `
The the DET DT 2 det
U.S. U.S. PROPN NNP 3 nsubj
began begin VERB VBD 0 root
sending send VERB VBG 3 xcomp
what what DET WDT 6 det
officials official NOUN NNS 7 nsubj
described describe VERB VBD 4 ccomp
as as ADP IN 9 case
criminals criminal NOUN NNS 7 obl
. . PUNCT . 3 punct`, []string{"what>sending:obj", "described>what:acl:relcl"}},
		{"a participle of saying after a comma hung on the noun before it", `
Morrison Morrison PROPN NNP 2 nsubj
said say VERB VBD 0 root
“ " PUNCT ` + "``" + ` 5 punct
we we PRON PRP 5 nsubj
relieved relieved ADJ JJ 2 ccomp
” " PUNCT '' 5 punct
at at ADP IN 9 case
the the DET DT 9 det
release release NOUN NN 5 obl
, , PUNCT , 11 punct
adding add VERB VBG 9 acl
that that SCONJ IN 14 mark
they they PRON PRP 14 nsubj
left leave VERB VBD 11 ccomp
. . PUNCT . 2 punct`, []string{"adding>said:advcl"}},
		{"a participle of saying without a comma keeps its noun", `
Officials official NOUN NNS 2 nsubj
received receive VERB VBD 0 root
a a DET DT 4 det
report report NOUN NN 2 obj
saying say VERB VBG 4 acl
that that SCONJ IN 9 mark
the the DET DT 8 det
dam dam NOUN NN 9 nsubj
failed fail VERB VBD 5 ccomp
. . PUNCT . 2 punct`, nil},
		{"a figure after a verb read as a compound of the noun past a preposition", `
Sales sale NOUN NNS 2 nsubj
rose rise VERB VBD 0 root
22 22 NUM CD 4 nummod
% % SYM NN 7 compound
over over ADP IN 7 case
a a DET DT 7 det
period period NOUN NN 2 obl
. . PUNCT . 2 punct`, []string{"%>rose:obj"}},
		{"the subject after an opening clause read as a conjunct inside it", `
While while SCONJ IN 3 mark
Kenya Kenya PROPN NNP 3 nsubj
wants want VERB VBZ 12 advcl
to to PART TO 5 mark
close close VERB VB 3 xcomp
the the DET DT 7 det
camps camp NOUN NNS 5 obj
, , PUNCT , 9 punct
residents resident NOUN NNS 7 conj
of of ADP IN 11 case
Dadaab Dadaab PROPN NNP 9 nmod
say say VERB VBP 0 root
they they PRON PRP 14 nsubj
left leave VERB VBD 12 ccomp
. . PUNCT . 12 punct`, []string{",>wants:punct", "residents>say:nsubj"}},
		{"a participle of saying after 'with' and a name, tagged as a noun", `
Trade trade NOUN NN 3 nsubj
could could AUX MD 3 aux
fall fall VERB VB 0 root
with with ADP IN 6 case
Ortiz Ortiz PROPN NNP 6 compound
warning warning NOUN NN 3 obl
that that SCONJ IN 10 mark
prices price NOUN NNS 10 nsubj
will will AUX MD 10 aux
rise rise VERB VB 6 acl
. . PUNCT . 3 punct`, []string{"with>warning:mark", "Ortiz>warning:nsubj", "warning>fall:advcl", "rise>warning:ccomp"}},
		{"a complement clause with 'that' on a name in apposition to the addressee", `
Ishiba Ishiba PROPN NNP 2 nsubj
told tell VERB VBD 0 root
Lai Lai PROPN NNP 2 iobj
te te NOUN NN 3 appos
that that PRON WDT 8 mark
deterrence deterrence NOUN NN 8 nsubj
was be AUX VBD 8 cop
necessary necessary ADJ JJ 4 acl:relcl
. . PUNCT . 2 punct`, []string{"Lai>te:compound", "te>told:iobj", "necessary>told:ccomp"}},
		{"the subject of a clause with a modal read as the object of the verb before it", `
Analysts analyst NOUN NNS 2 nsubj
point point VERB VBP 0 root
out out ADP RP 2 compound:prt
a a DET DT 5 det
purchase purchase NOUN NN 2 obj
will will AUX MD 7 aux
have have VERB VB 2 ccomp
consequences consequence NOUN NNS 7 obj
. . PUNCT . 2 punct`, []string{"purchase>have:nsubj"}},
		{"an object before a clause that has a subject stays the object", `
She she PRON PRP 2 nsubj
told tell VERB VBD 0 root
reporters reporter NOUN NNS 2 obj
prices price NOUN NNS 6 nsubj
will will AUX MD 6 aux
fall fall VERB VB 2 ccomp
. . PUNCT . 2 punct`, nil},
		{"a name joined by a hyphen to the object after it read as a second object", `
supplier supplier NOUN NN 2 nsubj
blamed blame VERB VBD 0 root
COVID COVID PROPN NNP 2 obj
- - PUNCT HYPH 6 punct
19 19 NUM CD 6 nummod
related related ADJ JJ 8 amod
travel travel NOUN NN 8 compound
restrictions restriction NOUN NNS 2 obj
. . PUNCT . 2 punct`, []string{"COVID>restrictions:compound"}},
		{"closing attribution over a clause whose subject is the root", `
Ana Ana PROPN NNP 0 root
Ruiz Ruiz PROPN NNP 1 flat
, , PUNCT , 5 punct
a a DET DT 5 det
nurse nurse NOUN NN 1 appos
, , PUNCT , 8 punct
was be AUX VBD 8 aux:pass
shot shoot VERB VBN 14 ccomp
dead dead ADJ JJ 8 xcomp
on on ADP IN 11 case
Sunday Sunday PROPN NNP 8 obl
, , PUNCT , 14 punct
police police NOUN NN 14 nsubj
said say VERB VBD 1 dep
. . PUNCT . 1 punct`, []string{"Ana>shot:nsubj:pass", "shot>ROOT:root", "said>shot:parataxis", ".>shot:punct"}},
		{"perfect split by an adverbial read as a conjunct", `
Trump Trump PROPN NNP 2 nsubj
has have VERB VBZ 0 root
at at ADP IN 5 case
various various ADJ JJ 5 amod
times time NOUN NNS 2 obl
said say VERB VBD 2 conj
his his PRON PRP$ 9 nmod:poss
new new ADJ JJ 9 amod
tariffs tariff NOUN NNS 11 nsubj:pass
are be AUX VBP 11 aux:pass
aimed aim VERB VBN 6 ccomp
. . PUNCT . 2 punct`, []string{"Trump>said:nsubj", "has>said:aux", "times>said:obl", "said>ROOT:root", ".>said:punct"}},
		{"a conjunct after a comma is no perfect", `
She she PRON PRP 2 nsubj
has have VERB VBZ 0 root
a a DET DT 4 det
car car NOUN NN 2 obj
, , PUNCT , 6 punct
said say VERB VBD 2 conj
. . PUNCT . 2 punct`, nil},
		{"sum read as a second object", `
The the DET DT 2 det
arm arm NOUN NN 4 nsubj
has have AUX VBZ 4 aux
proposed propose VERB VBN 0 root
an a DET DT 6 det
$ $ SYM $ 4 obj
873 873 NUM CD 8 compound
billion billion NUM CD 6 nummod
plan plan NOUN NN 4 obj
. . PUNCT . 4 punct`, []string{"an>plan:det", "$>plan:compound"}},
		{"complement clause read as a conjunct", `
Officials official NOUN NNS 2 nsubj
said say VERB VBD 0 root
the the DET DT 4 det
town town NOUN NN 2 obj
fell fall VERB VBD 2 conj
on on ADP IN 7 case
Monday Monday PROPN NNP 5 obl
. . PUNCT . 2 punct`, []string{"town>fell:nsubj", "fell>said:ccomp"}},
		{"finite verb a conjunct of a root noun", `
About about ADV RB 3 advmod
30 30 NUM CD 3 nummod
percent percent NOUN NN 0 root
of of ADP IN 5 case
voters voter NOUN NNS 3 nmod
back back VERB VBP 3 conj
the the DET DT 8 det
plan plan NOUN NN 6 obj
. . PUNCT . 3 punct`, []string{"percent>back:nsubj", "back>ROOT:root", ".>back:punct"}},
		{"comparative with than as the noun's preposition", `
More more ADV RBR 4 advmod
than than ADP IN 4 case
60 60 NUM CD 4 nummod
percent percent NOUN NN 0 root
of of ADP IN 7 case
the the DET DT 7 det
staff staff NOUN NN 4 nmod
work work VERB VBP 4 conj
from from ADP IN 10 case
home home NOUN NN 8 obl
. . PUNCT . 4 punct`, []string{"More>60:advmod", "than>More:fixed", "percent>work:nsubj", "work>ROOT:root", ".>work:punct"}},
		{"passive clause a conjunct of a root noun", `
Yesterday yesterday NOUN NN 4 obl:unmarked
the the DET DT 4 det
former former ADJ JJ 4 amod
mayor mayor NOUN NN 0 root
of of ADP IN 7 case
the the DET DT 7 det
town town NOUN NN 4 nmod
was be AUX VBD 9 aux:pass
arrested arrest VERB VBN 4 conj
. . PUNCT . 4 punct`, []string{"Yesterday>arrested:obl:unmarked", "mayor>arrested:nsubj:pass", "arrested>ROOT:root", ".>arrested:punct"}},
		{"punctuation root, the verb tagged a noun under an adverb", `
Kenya Kenya PROPN NNP 2 compound
exports export NOUN NNS 6 nsubj
about about ADV RB 4 advmod
900 900 NUM CD 5 nummod
tonnes tonne NOUN NNS 2 obj
yearly yearly ADV RB 7 advmod
. . PUNCT . 0 root`, []string{"Kenya>exports:nsubj", "exports>ROOT:root", "yearly>exports:advmod", ".>exports:punct"}},
		{"participle a complement of existential be", `
In in ADP IN 2 case
2019 2019 NUM CD 4 obl
there there PRON EX 4 expl
were be VERB VBD 0 root
120 120 NUM CD 6 nummod
attacks attack NOUN NNS 4 nsubj
recorded record VERB VBD 4 ccomp
nationwide nationwide ADV RB 7 advmod
. . PUNCT . 4 punct`, []string{"recorded>attacks:acl"}},
		{"finite verb a modifier of the root noun", `
The the DET DT 3 det
army army NOUN NN 3 compound
spokesman spokesman NOUN NN 0 root
, , PUNCT , 5 punct
Ali Ali PROPN NNP 3 appos
, , PUNCT , 7 punct
denied deny VERB VBD 3 acl
the the DET DT 9 det
report report NOUN NN 7 obj
. . PUNCT . 3 punct`, []string{"spokesman>denied:nsubj", "denied>ROOT:root", ".>denied:punct"}},
		{"a participle modifying the root noun stays", `
Dozens dozen NOUN NNS 0 root
of of ADP IN 3 case
people people NOUN NNS 1 nmod
injured injure VERB VBN 1 acl
in in ADP IN 6 case
clashes clash NOUN NNS 4 obl
. . PUNCT . 1 punct`, nil},
		{"coordination that is not: a verb after a postnominal adjective", `
Officials official NOUN NNS 2 nsubj
close close ADJ JJ 0 root
to to ADP IN 5 case
the the DET DT 5 det
talks talk NOUN NNS 2 obl
told tell VERB VBD 2 conj
Reuters Reuters PROPN NNP 6 iobj
the the DET DT 9 det
deal deal NOUN NN 11 nsubj
was be AUX VBD 11 cop
close close ADJ JJ 6 ccomp
. . PUNCT . 2 punct`, []string{"Officials>told:nsubj", "close>Officials:amod", "told>ROOT:root", ".>told:punct"}},
		{"relative clause without a pronoun, its noun the object", `
The the DET DT 2 det
man man NOUN NN 4 obj
we we PRON PRP 4 nsubj
met meet VERB VBD 0 root
there there ADV RB 4 advmod
said say VERB VBD 4 ccomp
the the DET DT 8 det
road road NOUN NN 10 nsubj:pass
was be AUX VBD 10 aux:pass
closed close VERB VBN 6 ccomp
. . PUNCT . 4 punct`, []string{"man>said:nsubj", "met>man:acl:relcl", "said>ROOT:root", ".>said:punct"}},
		{"stranded preposition read as an infinitive marker", `
Several several ADJ JJ 2 amod
people people NOUN NNS 5 obj
we we PRON PRP 5 nsubj
had have AUX VBD 5 aux
talked talk VERB VBN 0 root
to to PART TO 7 mark
said say VERB VBD 5 ccomp
they they PRON PRP 9 nsubj
left leave VERB VBD 7 ccomp
. . PUNCT . 5 punct`, []string{"people>said:nsubj", "talked>people:acl:relcl", "to>talked:obl", "said>ROOT:root", ".>said:punct"}},
		{"name a conjunct of the noun before it", `
Tesla Tesla PROPN NNP 6 nsubj
boss boss NOUN NN 4 compound
Elon Elon PROPN NNP 4 compound
Musk Musk PROPN NNP 1 conj
has have AUX VBZ 6 aux
said say VERB VBN 0 root
little little ADJ JJ 6 obj
. . PUNCT . 6 punct`, []string{"Tesla>Musk:compound", "Musk>said:nsubj"}},
		{"a real conjunct of a name stays", `
Tesla Tesla PROPN NNP 6 nsubj
and and CCONJ CC 4 cc
SpaceX SpaceX PROPN NNP 1 conj
said say VERB VBD 0 root
. . PUNCT . 4 punct`, nil},
		{"subject with a preposition under its quantifier", `
Some some DET DT 4 nsubj
in in ADP IN 4 case
the the DET DT 4 det
crowd crowd NOUN NN 6 nsubj:pass
were be AUX VBD 6 aux:pass
injured injure VERB VBN 0 root
. . PUNCT . 6 punct`, []string{"Some>injured:nsubj:pass", "crowd>Some:nmod"}},
		{"conjunct read as a modifier", `
cut cut VERB VB 0 root
spending spending NOUN NN 1 obj
by by ADP IN 5 case
2 2 NUM CD 5 nummod
percent percent NOUN NN 1 obl
or or CCONJ CC 7 cc
$ $ SYM $ 5 nmod
5 5 NUM CD 9 compound
billion billion NUM CD 7 nummod`, []string{"$>percent:conj"}},
		{"possessor read as a gerund's subject", `
They they PRON PRP 2 nsubj
warned warn VERB VBD 0 root
about about ADP IN 7 mark
the the DET DT 5 det
group group NOUN NN 7 nsubj
's 's PART POS 5 case
growing grow VERB VBG 2 advcl
influence influence NOUN NN 7 obj
. . PUNCT . 2 punct`, []string{"about>influence:case", "group>influence:nmod:poss", "growing>influence:amod", "influence>warned:obl"}},
		{"change read as the level's number", `
Exports export NOUN NNS 2 nsubj
rose rise VERB VBD 0 root
5 5 NUM CD 4 nummod
% % SYM NN 6 nummod
to to ADP IN 6 case
$ $ SYM $ 2 obj
2.4 2.4 NUM CD 8 compound
billion billion NUM CD 6 nummod
. . PUNCT . 2 punct`, []string{"%>rose:obj", "$>rose:obl"}},
		{"count cut from its noun", `
The the DET DT 3 det
share share NOUN NN 3 compound
sale sale NOUN NN 5 nsubj
would would AUX MD 5 aux
raise raise VERB VB 0 root
at at ADP IN 7 case
least least ADJ JJS 8 nmod
88 88 NUM CD 9 compound
billion billion NUM CD 5 obj
Hong Hong PROPN NNP 12 compound
Kong Kong PROPN NNP 10 flat
dollars dollar NOUN NNS 5 obl
. . PUNCT . 5 punct`, []string{"billion>dollars:nummod", "dollars>raise:obj"}},
		{"direction read as the object's modifier", `
Officials official NOUN NNS 2 nsubj
revised revise VERB VBD 0 root
the the DET DT 4 det
count count NOUN NN 2 obj
of of ADP IN 6 case
ballots ballot NOUN NNS 4 nmod
downward downward ADV RB 6 advmod
to to ADP IN 9 case
8,210 8,210 NUM CD 2 obl
. . PUNCT . 2 punct`, []string{"downward>revised:advmod"}},
		{"title and name read as two subjects", `
Rebel rebel NOUN NN 2 compound
commander commander NOUN NN 6 nsubj
Ali Ali PROPN NNP 6 nsubj
Hassan Hassan PROPN NNP 3 flat
is be AUX VBZ 6 cop
dead dead ADJ JJ 0 root
. . PUNCT . 6 punct`, []string{"commander>Ali:compound"}},
		{"subject read as an oblique before its apposition", `
The the DET DT 4 det
prison prison NOUN NN 3 compound
inspector inspector NOUN NN 4 compound
general general NOUN NN 12 obl
, , PUNCT , 4 punct
Hector Hector PROPN NNP 12 nsubj
Paul Paul PROPN NNP 6 flat
Joseph Joseph PROPN NNP 6 flat
, , PUNCT , 12 punct
also also ADV RB 12 advmod
was be AUX VBD 12 aux:pass
killed kill VERB VBN 0 root
. . PUNCT . 12 punct`, []string{"general>killed:nsubj:pass", "Hector>general:appos", ",>general:punct"}},
		{"time phrase before a subject stays an oblique", `
Last last ADJ JJ 2 amod
week week NOUN NN 7 obl
, , PUNCT , 2 punct
Hector Hector PROPN NNP 7 nsubj:pass
Joseph Joseph PROPN NNP 4 flat
was be AUX VBD 7 aux:pass
killed kill VERB VBN 0 root
. . PUNCT . 7 punct`, nil},
		{"clause read as a reduced relative under a fronted oblique", `
On on ADP IN 2 case
Friday Friday PROPN NNP 0 root
a a DET DT 4 det
man man NOUN NN 2 nsubj
attacked attack VERB VBN 4 acl
two two NUM CD 7 nummod
women woman NOUN NNS 5 obj
. . PUNCT . 2 punct`, []string{"Friday>attacked:obl", "man>attacked:nsubj", "attacked>ROOT:root", ".>attacked:punct"}},
		{"subject after a marker read as a conjunct", `
Men man NOUN NNS 2 nsubj
hold hold VERB VBP 0 root
60 60 NUM CD 4 nummod
% % SYM NN 2 obj
of of ADP IN 7 case
the the DET DT 7 det
seats seat NOUN NNS 4 nmod
, , PUNCT , 11 punct
while while SCONJ IN 10 mark
women woman NOUN NNS 7 conj
hold hold VERB VBP 2 parataxis
40 40 NUM CD 13 nummod
% % SYM NN 11 obj
. . PUNCT . 2 punct`, []string{"while>hold:mark", "women>hold:nsubj", "hold>hold:advcl"}},
		{"marker on a noun before a verb with its own subject", `
Men man NOUN NNS 2 nsubj
hold hold VERB VBP 0 root
seats seat NOUN NNS 2 obj
, , PUNCT , 6 punct
while while SCONJ IN 6 mark
women woman NOUN NNS 3 conj
they they PRON PRP 8 nsubj
hold hold VERB VBP 2 parataxis
. . PUNCT . 2 punct`, nil},
		{"level after a change read as a conjunct of the change", `
Demand demand NOUN NN 2 nsubj
pushed push VERB VBD 0 root
rents rent NOUN NNS 2 obj
by by ADP IN 6 case
12 12 NUM CD 6 nummod
% % SYM NN 2 obl
, , PUNCT , 10 punct
to to PART TO 10 mark
about about ADV RB 10 advmod
$ $ SYM $ 6 conj
2,100 2,100 NUM CD 10 nummod
. . PUNCT . 2 punct`, []string{"to>$:case", "$>pushed:obl"}},
		{"coordinated level with its conjunction", `
Demand demand NOUN NN 2 nsubj
pushed push VERB VBD 0 root
rents rent NOUN NNS 2 obj
to to ADP IN 6 case
$ $ SYM $ 2 obl
2,000 2,000 NUM CD 5 nummod
and and CCONJ CC 10 cc
to to ADP IN 10 case
$ $ SYM $ 5 conj
2,100 2,100 NUM CD 10 nummod
. . PUNCT . 2 punct`, nil},
		{"relative clause read as a conjunct", `
The the DET DT 2 det
fee fee NOUN NN 10 nsubj
for for ADP IN 4 case
visitors visitor NOUN NNS 2 nmod
, , PUNCT , 8 punct
which which PRON WDT 8 nsubj
is be AUX VBZ 8 cop
$ $ SYM $ 2 conj
40 40 NUM CD 8 nummod
rose rise VERB VBD 0 root
. . PUNCT . 10 punct`, []string{"$>visitors:acl:relcl"}},
		{"relative clause hung on a participle", `
Officials official NOUN NNS 2 nsubj
cited cite VERB VBD 0 root
the the DET DT 4 det
number number NOUN NN 2 obj
of of ADP IN 6 case
workers worker NOUN NNS 4 nmod
leaving leave VERB VBG 6 acl
the the DET DT 9 det
city city NOUN NN 7 obj
, , PUNCT , 12 punct
which which PRON WDT 12 nsubj
reached reach VERB VBD 7 advcl
9,000 9,000 NUM CD 12 obj
. . PUNCT . 2 punct`, []string{"reached>workers:acl:relcl"}},
		{"adverbial clause of a participle without a relative pronoun", `
Officials official NOUN NNS 2 nsubj
cited cite VERB VBD 0 root
workers worker NOUN NNS 2 obj
leaving leave VERB VBG 3 acl
the the DET DT 6 det
city city NOUN NN 4 obj
, , PUNCT , 8 punct
complaining complain VERB VBG 4 advcl
. . PUNCT . 2 punct`, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			w := xposTree(t, c.tree)
			before := append([]depWord(nil), w...)
			tr := newDepTree(w)
			var got []string
			for i, x := range tr.w {
				if x.Head == before[i].Head && x.Rel == before[i].Rel {
					continue
				}
				h := "ROOT"
				if x.Head > 0 {
					h = tr.w[x.Head-1].Form
				}
				got = append(got, fmt.Sprintf("%s>%s:%s", x.Form, h, x.Rel))
			}
			if strings.Join(got, " ") != strings.Join(c.want, " ") {
				t.Errorf("re-attached:\n got  %v\n want %v", got, c.want)
			}
		})
	}
}

// TestRepairPhrases: the phrases the repaired trees give a subject.
func TestRepairPhrases(t *testing.T) {
	for _, c := range []struct {
		tree string
		node int // 0-based
		want string
	}{
		{`
Some some DET DT 4 nsubj
in in ADP IN 4 case
the the DET DT 4 det
crowd crowd NOUN NN 6 nsubj:pass
were be AUX VBD 6 aux:pass
injured injure VERB VBN 0 root
. . PUNCT . 6 punct`, 0, "Some in the crowd"},
		{`
Officials official NOUN NNS 2 nsubj
close close ADJ JJ 0 root
to to ADP IN 5 case
the the DET DT 5 det
talks talk NOUN NNS 2 obl
told tell VERB VBD 2 conj
Reuters Reuters PROPN NNP 6 obj
. . PUNCT . 2 punct`, 0, "Officials close to the talks"},
		// An adjective after an object may be its predicate: its
		// complement stays out.
		{`
The the DET DT 2 det
storm storm NOUN NN 3 nsubj
left leave VERB VBD 0 root
families family NOUN NNS 3 obj
homeless homeless ADJ JJ 4 amod
in in ADP IN 7 case
camps camp NOUN NNS 5 obl`, 3, "families homeless"},
	} {
		tr := newDepTree(xposTree(t, c.tree))
		lo, hi := tr.phrase(c.node)
		var ws []string
		for k := lo; k <= hi; k++ {
			ws = append(ws, tr.w[k].Form)
		}
		if got := strings.Join(ws, " "); got != c.want {
			t.Errorf("phrase of %q = %q, want %q", tr.w[c.node].Form, got, c.want)
		}
	}
}
