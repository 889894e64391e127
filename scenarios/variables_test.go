package scenarios

import (
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func mustParse(t testing.TB, src string) *Scenario {
	t.Helper()
	s, err := Parse("test.yaml", []byte(src))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return s
}

// TestVariantDeterministic: the same seed gives the same values and the
// same scenario; seeds cover every choice and stay inside ranges.
func TestVariantDeterministic(t *testing.T) {
	t.Parallel()
	s := mustParse(t, base)
	seen := map[string]bool{}
	ports := map[string]bool{}
	for seed := uint64(0); seed < 40; seed++ {
		a, err := s.Variant(seed)
		if err != nil {
			t.Fatalf("Variant(%d): %v", seed, err)
		}
		b, _ := s.Variant(seed)
		if !cmp.Equal(a.Values, b.Values) || a.Seed != seed {
			t.Errorf("Variant(%d) twice = %v, %v (seed %d); want the same values and the seed recorded", seed, a.Values, b.Values, a.Seed)
		}
		svc, port := a.Values["svc"], a.Values["port"]
		seen[svc] = true
		ports[port] = true
		if p, err := strconv.Atoi(port); err != nil || p < 8000 || p > 8001 {
			t.Errorf("Variant(%d): port = %q; want 8000 or 8001", seed, port)
		}
		sc := a.Scenario
		if got := sc.Solution[0].Line; got != "service "+svc+" start" {
			t.Errorf("Variant(%d): solution %q; want service %s start", seed, got, svc)
		}
		if got := string(sc.Checks[0].Check.Process.Name); got != svc {
			t.Errorf("Variant(%d): process check names %q; want %q", seed, got, svc)
		}
		if got := sc.Checks[1].Check.Listener.Port; strconv.Itoa(got) != port {
			t.Errorf("Variant(%d): listener port %d; want %s", seed, got, port)
		}
		if strings.Contains(sc.Task.In("en"), "${") || sc.Hash != s.Hash {
			t.Errorf("Variant(%d): task %q, hash %s; want substituted text and the file's hash", seed, sc.Task.In("en"), sc.Hash)
		}
	}
	if len(seen) != 2 || len(ports) != 2 {
		t.Errorf("40 seeds drew svc %v and port %v; want both values of each", seen, ports)
	}
}

// TestVariantChained: a variable may use earlier ones.
func TestVariantChained(t *testing.T) {
	t.Parallel()
	src := strings.Replace(base, "  port: {range: [8000, 8001]}\n", "  port: {range: [8000, 8001]}\n  lock: {choose: [\"/var/lock/subsys/${svc}\", \"${svc}-${port}\"]}\n", 1)
	src = strings.Replace(src, "solution:\n", "solution:\n  - touch ${lock}\n", 1)
	s := mustParse(t, src)
	for seed := uint64(1); seed < 20; seed++ {
		v, err := s.Variant(seed)
		if err != nil {
			t.Fatal(err)
		}
		lock := v.Values["lock"]
		if lock != "/var/lock/subsys/"+v.Values["svc"] && lock != v.Values["svc"]+"-"+v.Values["port"] {
			t.Errorf("Variant(%d): lock = %q with %v", seed, lock, v.Values)
		}
		if got := v.Scenario.Solution[0].Line; got != "touch "+lock {
			t.Errorf("Variant(%d): solution %q; want touch %s", seed, got, lock)
		}
	}
}

func TestNoVariables(t *testing.T) {
	t.Parallel()
	src := strings.NewReplacer("${svc}", "httpd", "${port}", "80",
		"variables:\n  svc: {choose: [httpd, named]}\n  port: {range: [8000, 8001]}\n", "").Replace(base)
	s := mustParse(t, src)
	v, err := s.Variant(99)
	if err != nil {
		t.Fatal(err)
	}
	if v.Scenario != s || len(v.Values) != 0 || v.Seed != 99 {
		t.Errorf("Variant of a scenario without variables = %+v; want the scenario itself and seed 99", v)
	}
}

// TestProbes: Parse tries every choice index and both range ends.
func TestProbes(t *testing.T) {
	t.Parallel()
	vs := Variables{
		{Name: "a", Choose: []string{"x", "y", "z"}},
		{Name: "b", Range: [2]int{1, 9}},
		{Name: "c", Choose: []string{"p"}},
	}
	var got []string
	for _, idx := range vs.probes() {
		got = append(got, vs.describe(vs.pick(idx)))
	}
	want := []string{"a=x, b=1, c=p", "a=y, b=9, c=p", "a=z, b=1, c=p"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("probes differ (-want +got):\n%s", diff)
	}
}

// TestSplitmix: the generator's first outputs for seed 0 (the published
// reference values of splitmix64).
func TestSplitmix(t *testing.T) {
	t.Parallel()
	r := splitmix64(0)
	want := []uint64{0xe220a8397b1dcdaf, 0x6e789e6aa1b965f4, 0x06c45d188009454f}
	for i, w := range want {
		if got := r.next(); got != w {
			t.Errorf("splitmix64(0) output %d = %#x; want %#x", i, got, w)
		}
	}
}
