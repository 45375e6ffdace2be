package questionnaire

// NoneID is the id of a multiple choice's own "none of these" choice.
const NoneID = "none"

// NoneChoice returns a multiple choice's own "none of these": its choice with id "none". That
// choice stands alone (it cannot be chosen with others), the answering flow then offers no
// "none of these" of its own, and an answer of that choice alone means the same as an empty
// list of choices.
func (q *Question) NoneChoice() (*Choice, bool) {
	if q.Type != TypeMulti {
		return nil, false
	}
	return q.Choice(NoneID)
}
