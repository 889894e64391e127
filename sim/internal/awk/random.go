package awk

// bsdRandom is the BSD random(3) generator gawk 3.1.5 carries in random.c,
// with the 256-byte state gawk gives it (TYPE_4: degree 63, separation 1).
// Seeded with 1 as gawk seeds it, the first rand() is 0.237788, as on a
// real CentOS 5 machine.
type bsdRandom struct {
	state [63]uint32
	f, r  int
}

func goodRand(x int32) int32 {
	if x == 0 {
		x = 123459876
	}
	hi := x / 127773
	lo := x % 127773
	x = 16807*lo - 2836*hi
	if x < 0 {
		x += 0x7fffffff
	}
	return x
}

func (b *bsdRandom) seed(s uint32) {
	b.state[0] = s
	for i := 1; i < len(b.state); i++ {
		b.state[i] = uint32(goodRand(int32(b.state[i-1])))
	}
	b.f, b.r = 1, 0
	for i := 0; i < 10*len(b.state); i++ {
		b.next()
	}
}

func (b *bsdRandom) next() uint32 {
	b.state[b.f] += b.state[b.r]
	v := (b.state[b.f] >> 1) & 0x7fffffff
	b.f++
	if b.f >= len(b.state) {
		b.f = 0
		b.r++
	} else {
		b.r++
		if b.r >= len(b.state) {
			b.r = 0
		}
	}
	return v
}

// float returns rand()'s value: random() % GAWK_RANDOM_MAX / GAWK_RANDOM_MAX.
func (b *bsdRandom) float() float64 {
	const max = 0x7fffffff
	return float64(b.next()%max) / max
}
