package record_test

import (
	"bytes"
	"fmt"
	"time"

	"rclab/scenarios/record"
	"rclab/sim"
)

func Example() {
	key := []byte("the teacher's key")
	clock := time.Date(2014, 9, 30, 9, 0, 0, 0, time.UTC)

	// The exam writes the header, then each action before showing its
	// output, then the footer. cmd/rclab passes an *os.File, synced after
	// every line.
	var file bytes.Buffer
	w, err := record.NewWriter(&file, record.Header{
		Scenario: "E01-runlevels", Seed: 42, Version: "0.9.0",
		Student: "Kim", Start: clock,
	}, key)
	if err != nil {
		panic(err)
	}
	clock = clock.Add(2 * time.Second)
	if _, err := w.Append(sim.Action{Kind: sim.Type, Line: "runlevel"}, clock, 0, "N 3\n"); err != nil {
		panic(err)
	}
	if err := w.Close(record.Footer{Reason: record.ReasonSubmitted, Earned: 5, Max: 5, End: clock}); err != nil {
		panic(err)
	}

	// The grader reads it back with the same key.
	data := file.Bytes()
	t, err := record.Read(bytes.NewReader(data), key)
	if err != nil {
		panic(err)
	}
	fmt.Println(t.Header.Student, t.Header.Scenario, "verified:", t.Verified)
	for _, e := range t.Entries {
		fmt.Println(e.Seq, e.Action.Line, e.Output == record.OutputHash("N 3\n"))
	}
	fmt.Println(t.Footer.Reason, t.Footer.Actions)

	// A changed byte is caught.
	changed := bytes.Replace(data, []byte(`"line":"runlevel"`), []byte(`"line":"runlevez"`), 1)
	_, err = record.Read(bytes.NewReader(changed), key)
	fmt.Println(err)
	// Output:
	// Kim E01-runlevels verified: true
	// 1 runlevel true
	// submitted 1
	// line 2: signature does not match (the line was changed, or lines were dropped, inserted or reordered before it)
}
