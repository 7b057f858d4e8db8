package scaffold

import (
	"testing"

	"github.com/ducha/ducha/generator/model"
)

func TestAddYears(t *testing.T) {
	for _, tc := range []struct {
		d     model.Date
		years int
		want  model.Date
	}{
		{model.Date{Year: 2015, Month: 11, Day: 15}, 1, model.Date{Year: 2016, Month: 11, Day: 15}},
		{model.Date{Year: 2016, Month: 2, Day: 29}, 1, model.Date{Year: 2017, Month: 2, Day: 28}},
		{model.Date{Year: 2016, Month: 2, Day: 29}, 4, model.Date{Year: 2020, Month: 2, Day: 29}},
		{model.Date{}, 1, model.Date{}},
	} {
		if got := addYears(tc.d, tc.years); got != tc.want {
			t.Errorf("addYears(%v, %d) = %v, want %v", tc.d, tc.years, got, tc.want)
		}
	}
}
