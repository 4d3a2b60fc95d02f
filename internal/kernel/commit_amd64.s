//go:build amd64 && !purego

#include "textflag.h"

// commitBytes[m] holds, in byte l, bit l of m: the four spike flags of a
// 4-lane mask m.
DATA commitBytes<>+0x00(SB)/4, $0x00000000
DATA commitBytes<>+0x04(SB)/4, $0x00000001
DATA commitBytes<>+0x08(SB)/4, $0x00000100
DATA commitBytes<>+0x0c(SB)/4, $0x00000101
DATA commitBytes<>+0x10(SB)/4, $0x00010000
DATA commitBytes<>+0x14(SB)/4, $0x00010001
DATA commitBytes<>+0x18(SB)/4, $0x00010100
DATA commitBytes<>+0x1c(SB)/4, $0x00010101
DATA commitBytes<>+0x20(SB)/4, $0x01000000
DATA commitBytes<>+0x24(SB)/4, $0x01000001
DATA commitBytes<>+0x28(SB)/4, $0x01000100
DATA commitBytes<>+0x2c(SB)/4, $0x01000101
DATA commitBytes<>+0x30(SB)/4, $0x01010000
DATA commitBytes<>+0x34(SB)/4, $0x01010001
DATA commitBytes<>+0x38(SB)/4, $0x01010100
DATA commitBytes<>+0x3c(SB)/4, $0x01010101
GLOBL commitBytes<>(SB), RODATA|NOPTR, $64

// func commitAVX2(p *Commit, V, out *float64, last *int64, spk *bool, idx *int32, n int, lo int32) int
//
// commitGo over n elements (a multiple of 4), 4 lanes at a time. It reads
// the fields of Commit at offsets 0–48 (pinned by TestCommitLayout). Go's
// operand order is reversed from Intel's: VCMPPD $p, b, a, d compares a
// with b.
TEXT ·commitAVX2(SB), NOSPLIT, $0-72
	MOVQ p+0(FP), AX
	VBROADCASTSD 0(AX), Y0  // VTh
	VBROADCASTSD 8(AX), Y1  // VReset
	VBROADCASTSD 16(AX), Y2 // Ref (int64 lanes)
	VBROADCASTSD 24(AX), Y3 // K (int64 lanes)
	VBROADCASTSD 32(AX), Y4 // Keep mask
	VBROADCASTSD 40(AX), Y5 // Reset mask
	VBROADCASTSD 48(AX), Y6 // GT mask
	MOVQ V+8(FP), DI
	MOVQ out+16(FP), SI
	MOVQ last+24(FP), DX
	MOVQ spk+32(FP), R9
	MOVQ idx+40(FP), R10
	MOVQ n+48(FP), BX
	MOVLQSX lo+56(FP), R11
	XORQ CX, CX   // j
	XORQ R12, R12 // spikes written
	JMP ccheck

cloop:
	VMOVDQU (DX)(CX*8), Y10     // last
	VPSUBQ Y10, Y3, Y11         // K − last
	VPCMPGTQ Y2, Y11, Y11       // integrating: K − last > Ref
	VORPD Y4, Y11, Y12          // take the new value: integrating or Keep
	VMOVUPD (DI)(CX*8), Y7      // old
	VMOVUPD (SI)(CX*8), Y8      // new
	VBLENDVPD Y12, Y8, Y7, Y9   // v
	VCMPPD $0x0d, Y0, Y9, Y13   // v >= VTh (GE_OS, false for NaN)
	VCMPPD $0x0e, Y0, Y9, Y14   // v > VTh (GT_OS, false for NaN)
	VBLENDVPD Y6, Y14, Y13, Y13 // GT ? v > VTh : v >= VTh
	VANDPD Y11, Y13, Y13        // fired: integrating and crossed
	VMOVMSKPD Y13, AX
	TESTQ AX, AX
	JNZ cfired
	VMOVUPD Y9, (DI)(CX*8)
	MOVL $0, (R9)(CX*1)
	ADDQ $4, CX

ccheck:
	CMPQ CX, BX
	JLT cloop
	MOVQ R12, ret+64(FP)
	VZEROUPPER
	RET

cfired:
	VANDPD Y5, Y13, Y14         // fired and Reset
	VBLENDVPD Y14, Y1, Y9, Y9   // ? VReset : v
	VMOVUPD Y9, (DI)(CX*8)
	VBLENDVPD Y13, Y3, Y10, Y10 // fired ? K : last
	VMOVDQU Y10, (DX)(CX*8)
	LEAQ commitBytes<>(SB), R8
	MOVL (R8)(AX*4), R8
	MOVL R8, (R9)(CX*1)

cout:
	BSFQ AX, R8
	ADDQ CX, R8
	ADDQ R11, R8
	MOVL R8, (R10)(R12*4)       // idx[c] = lo + j + lane
	INCQ R12
	LEAQ -1(AX), R13
	ANDQ R13, AX
	JNZ cout
	ADDQ $4, CX
	JMP ccheck
