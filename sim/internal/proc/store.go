package proc

// recordStore hands out the table's process records and argument vectors
// in blocks, so that a spawn costs no allocation of its own most of the
// time: a boot spawns some 240 processes and a graded exam thousands.
type recordStore struct {
	// block is the unused rest of the last block of records.
	block []Process
	// spare are records of exited processes, cleared, for reuse.
	spare []*Process
	// arena is the block the argument vectors are copied into; each
	// vector is cut with its capacity at its length, so an append to a
	// copy never writes into its neighbour.
	arena []string
}

// Block sizes: records are about 200 bytes.
const (
	recordBlock = 32
	argBlock    = 128
)

// record returns a cleared record.
func (s *recordStore) record() *Process {
	if n := len(s.spare); n > 0 {
		r := s.spare[n-1]
		s.spare[n-1] = nil
		s.spare = s.spare[:n-1]
		return r
	}
	if len(s.block) == 0 {
		s.block = make([]Process, recordBlock)
	}
	r := &s.block[0]
	s.block = s.block[1:]
	return r
}

// free takes back the record of a process that left the table. Nothing
// outside the table may hold it: the table hands out copies only.
func (s *recordStore) free(r *Process) {
	*r = Process{}
	s.spare = append(s.spare, r)
}

// args returns a copy of a as slices.Clone would (nil stays nil), cut
// from the arena.
func (s *recordStore) args(a []string) []string {
	n := len(a)
	if a == nil {
		return nil
	}
	if n == 0 {
		return a[:0:0]
	}
	if cap(s.arena)-len(s.arena) < n {
		s.arena = make([]string, 0, max(argBlock, n))
	}
	at := len(s.arena)
	s.arena = append(s.arena, a...)
	return s.arena[at : at+n : at+n]
}
