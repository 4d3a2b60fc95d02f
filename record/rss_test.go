package record_test

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/brainsim/brainsim/ei"
	"github.com/brainsim/brainsim/record"
	"github.com/brainsim/brainsim/sim"
)

const rssEnv = "BRAINSIM_RECORD_RSS" // simulated seconds per child, "60,240"

// rssStats is what a child measures.
type rssStats struct {
	Seconds                 float64 // simulated
	Wall, CloseWall         float64 // s
	Spikes, Samples         int64
	VmHWM, VmHWMBeforeRun   int64 // kB
	HeapInuseMax            uint64
	SpoolBytes, FinalBytes  int64
	SpikesNPZ, SpikesSONATA int64
}

// rssChild runs COBA for sec simulated seconds in Runs of 10 s, recording
// every spike and 100 E voltage traces (every step) to NPZ and SONATA.
func rssChild(t *testing.T, sec float64, dir string) rssStats {
	c := ei.COBA(1)
	net, err := ei.Build(c)
	if err != nil {
		t.Fatal(err)
	}
	idx := make([]int, 100)
	for i := range idx {
		idx[i] = i * 32
	}
	rec, err := record.Create(dir, record.NPZ|record.SONATA, record.Meta{Seed: c.Seed})
	if err != nil {
		t.Fatal(err)
	}
	opt := sim.Options{Threads: 2, Inputs: c.Inputs(), Sink: rec,
		Monitors: []sim.Monitor{{Name: "E.spike"}, {Name: "I.spike"}, {Name: "E.V", Index: idx}}}
	r, err := sim.NewRunner(net, opt)
	if err != nil {
		t.Fatal(err)
	}
	st := rssStats{Seconds: sec, VmHWMBeforeRun: vmHWM(t)}
	stop := make(chan bool)
	go func() { // sample the heap
		var ms runtime.MemStats
		for {
			select {
			case <-stop:
				stop <- true
				return
			case <-time.After(50 * time.Millisecond):
				runtime.ReadMemStats(&ms)
				st.HeapInuseMax = max(st.HeapInuseMax, ms.HeapInuse)
			}
		}
	}()
	start := time.Now()
	for done := 0.0; done < sec*1000; done += 10000 {
		res, err := r.Run(10000)
		if err != nil {
			t.Fatal(err)
		}
		st.Spikes += res.Streamed["E.spike"] + res.Streamed["I.spike"]
		st.Samples += res.Streamed["E.V"]
	}
	st.SpoolBytes = dirSize(t, filepath.Join(dir, ".record"))
	closeStart := time.Now()
	if err := rec.Close(); err != nil {
		t.Fatal(err)
	}
	st.Wall, st.CloseWall = time.Since(start).Seconds(), time.Since(closeStart).Seconds()
	stop <- true
	<-stop
	st.VmHWM = vmHWM(t)
	st.FinalBytes = dirSize(t, dir)
	st.SpikesNPZ = fileSize(t, filepath.Join(dir, "spikes.npz"))
	st.SpikesSONATA = fileSize(t, filepath.Join(dir, "spikes.h5"))
	return st
}

func vmHWM(t *testing.T) int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Skip("no /proc/self/status")
	}
	for _, l := range strings.Split(string(b), "\n") {
		if f := strings.Fields(l); len(f) >= 2 && f[0] == "VmHWM:" {
			n, _ := strconv.ParseInt(f[1], 10, 64)
			return n
		}
	}
	t.Fatal("no VmHWM in /proc/self/status")
	return 0
}

func fileSize(t *testing.T, p string) int64 {
	st, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	return st.Size()
}

func dirSize(t *testing.T, dir string) int64 {
	var n int64
	filepath.Walk(dir, func(_ string, fi os.FileInfo, err error) error {
		if err == nil && !fi.IsDir() {
			n += fi.Size()
		}
		return nil
	})
	return n
}

// TestRSS (set BRAINSIM_RECORD_RSS=60,240, say: several minutes) runs a
// recorded COBA run per duration in a child process and reports the peak
// resident memory: it must not grow with the duration.
func TestRSS(t *testing.T) {
	if s := os.Getenv(rssEnv + "_CHILD"); s != "" {
		sec, _ := strconv.ParseFloat(s, 64)
		st := rssChild(t, sec, t.TempDir())
		json.NewEncoder(os.Stdout).Encode(st)
		return
	}
	list := os.Getenv(rssEnv)
	if list == "" {
		t.Skip("set " + rssEnv + "=60,240 (simulated seconds) to measure")
	}
	var hwm []int64
	for _, s := range strings.Split(list, ",") {
		cmd := exec.Command(os.Args[0], "-test.run=^TestRSS$", "-test.v")
		cmd.Env = append(os.Environ(), rssEnv+"_CHILD="+s)
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("child %s s: %v\n%s", s, err, out)
		}
		var st rssStats
		line := out[strings.Index(string(out), "{"):]
		if err := json.Unmarshal(line[:strings.IndexByte(string(line), '\n')], &st); err != nil {
			t.Fatalf("child output %q: %v", out, err)
		}
		mb := func(b int64) float64 { return float64(b) / 1e6 }
		t.Logf("%v s simulated: %d spikes, %d samples; wall %.1f s (Close %.1f s); VmHWM %d kB (%d kB before the run), heap in use ≤ %.1f MB; spool %.1f MB, final files %.1f MB; spikes.npz %.2f B/spike, spikes.h5 %.2f B/spike; %.1f MB/s written (spool + files)",
			st.Seconds, st.Spikes, st.Samples, st.Wall, st.CloseWall, st.VmHWM, st.VmHWMBeforeRun, float64(st.HeapInuseMax)/1e6,
			mb(st.SpoolBytes), mb(st.FinalBytes), float64(st.SpikesNPZ)/float64(st.Spikes), float64(st.SpikesSONATA)/float64(st.Spikes),
			(mb(st.SpoolBytes)+mb(st.FinalBytes))/st.Wall)
		hwm = append(hwm, st.VmHWM)
	}
	for _, h := range hwm[1:] {
		if h > hwm[0]+8<<10 {
			t.Errorf("peak RSS grew with the duration: %v kB", hwm)
		}
	}
	_ = fmt.Sprint()
}
