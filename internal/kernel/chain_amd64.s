//go:build amd64 && !purego

#include "textflag.h"

// func chainAVX2(steps *ChainStep, nsteps int, dst *float64, n int)
//
// Runs a chain of element-wise operations on an accumulator over n
// elements (a multiple of 4): 32 lanes (8 registers) at a time, then 4.
// For each block every step reads its operand at the block's offset (a
// vector, or a broadcast buffer of ChainBroadcast values when Mask is 0)
// and updates the accumulator, which is stored to dst at the end: each
// lane sees the IEEE operations of the steps in order, as the Go loops
// do. ChainStep is {Op int64; X *float64; Mask int64} (24 bytes, pinned by
// TestChainLayout); an op is dispatched on its three bits. The two loops
// are the same code for 8 registers and for 1.
TEXT ·chainAVX2(SB), NOSPLIT, $0-32
	MOVQ steps+0(FP), SI
	MOVQ nsteps+8(FP), R9
	MOVQ dst+16(FP), DI
	MOVQ n+24(FP), BX
	SHLQ $3, BX                 // n in bytes
	MOVQ BX, DX
	ANDQ $-256, DX              // the bytes of whole 32-lane blocks
	MOVQ $0x8000000000000000, AX
	MOVQ AX, X15
	VPBROADCASTQ X15, Y15       // the sign bit, for NEG
	XORQ CX, CX                 // byte offset of the block
	JMP bcheck

bblock:
	MOVQ SI, R10                // the step
	MOVQ R9, R11                // steps left

bstep:
	MOVQ 16(R10), R8
	ANDQ CX, R8                 // offset & Mask
	ADDQ 8(R10), R8             // + X
	MOVQ 0(R10), AX
	TESTQ $4, AX
	JNZ bhi
	TESTQ $2, AX
	JNZ bx23
	TESTQ $1, AX
	JNZ bop1
	JMP bop0

bx23:
	TESTQ $1, AX
	JNZ bop3
	JMP bop2

bhi:
	TESTQ $2, AX
	JNZ bx67
	TESTQ $1, AX
	JNZ bop5
	JMP bop4

bx67:
	TESTQ $1, AX
	JNZ bop7
	JMP bop6

bop0: // load
	VMOVUPD (R8), Y0
	VMOVUPD 32(R8), Y1
	VMOVUPD 64(R8), Y2
	VMOVUPD 96(R8), Y3
	VMOVUPD 128(R8), Y4
	VMOVUPD 160(R8), Y5
	VMOVUPD 192(R8), Y6
	VMOVUPD 224(R8), Y7
	JMP bnext

bop1: // add
	VADDPD (R8), Y0, Y0
	VADDPD 32(R8), Y1, Y1
	VADDPD 64(R8), Y2, Y2
	VADDPD 96(R8), Y3, Y3
	VADDPD 128(R8), Y4, Y4
	VADDPD 160(R8), Y5, Y5
	VADDPD 192(R8), Y6, Y6
	VADDPD 224(R8), Y7, Y7
	JMP bnext

bop2: // sub
	VSUBPD (R8), Y0, Y0
	VSUBPD 32(R8), Y1, Y1
	VSUBPD 64(R8), Y2, Y2
	VSUBPD 96(R8), Y3, Y3
	VSUBPD 128(R8), Y4, Y4
	VSUBPD 160(R8), Y5, Y5
	VSUBPD 192(R8), Y6, Y6
	VSUBPD 224(R8), Y7, Y7
	JMP bnext

bop3: // rsub
	VMOVUPD (R8), Y8
	VSUBPD Y0, Y8, Y0
	VMOVUPD 32(R8), Y8
	VSUBPD Y1, Y8, Y1
	VMOVUPD 64(R8), Y8
	VSUBPD Y2, Y8, Y2
	VMOVUPD 96(R8), Y8
	VSUBPD Y3, Y8, Y3
	VMOVUPD 128(R8), Y8
	VSUBPD Y4, Y8, Y4
	VMOVUPD 160(R8), Y8
	VSUBPD Y5, Y8, Y5
	VMOVUPD 192(R8), Y8
	VSUBPD Y6, Y8, Y6
	VMOVUPD 224(R8), Y8
	VSUBPD Y7, Y8, Y7
	JMP bnext

bop4: // mul
	VMULPD (R8), Y0, Y0
	VMULPD 32(R8), Y1, Y1
	VMULPD 64(R8), Y2, Y2
	VMULPD 96(R8), Y3, Y3
	VMULPD 128(R8), Y4, Y4
	VMULPD 160(R8), Y5, Y5
	VMULPD 192(R8), Y6, Y6
	VMULPD 224(R8), Y7, Y7
	JMP bnext

bop5: // div
	VDIVPD (R8), Y0, Y0
	VDIVPD 32(R8), Y1, Y1
	VDIVPD 64(R8), Y2, Y2
	VDIVPD 96(R8), Y3, Y3
	VDIVPD 128(R8), Y4, Y4
	VDIVPD 160(R8), Y5, Y5
	VDIVPD 192(R8), Y6, Y6
	VDIVPD 224(R8), Y7, Y7
	JMP bnext

bop6: // rdiv
	VMOVUPD (R8), Y8
	VDIVPD Y0, Y8, Y0
	VMOVUPD 32(R8), Y8
	VDIVPD Y1, Y8, Y1
	VMOVUPD 64(R8), Y8
	VDIVPD Y2, Y8, Y2
	VMOVUPD 96(R8), Y8
	VDIVPD Y3, Y8, Y3
	VMOVUPD 128(R8), Y8
	VDIVPD Y4, Y8, Y4
	VMOVUPD 160(R8), Y8
	VDIVPD Y5, Y8, Y5
	VMOVUPD 192(R8), Y8
	VDIVPD Y6, Y8, Y6
	VMOVUPD 224(R8), Y8
	VDIVPD Y7, Y8, Y7
	JMP bnext

bop7: // neg
	VXORPD Y15, Y0, Y0
	VXORPD Y15, Y1, Y1
	VXORPD Y15, Y2, Y2
	VXORPD Y15, Y3, Y3
	VXORPD Y15, Y4, Y4
	VXORPD Y15, Y5, Y5
	VXORPD Y15, Y6, Y6
	VXORPD Y15, Y7, Y7
	JMP bnext

bnext:
	ADDQ $24, R10
	DECQ R11
	JNZ bstep
	VMOVUPD Y0, (DI)(CX*1)
	VMOVUPD Y1, 32(DI)(CX*1)
	VMOVUPD Y2, 64(DI)(CX*1)
	VMOVUPD Y3, 96(DI)(CX*1)
	VMOVUPD Y4, 128(DI)(CX*1)
	VMOVUPD Y5, 160(DI)(CX*1)
	VMOVUPD Y6, 192(DI)(CX*1)
	VMOVUPD Y7, 224(DI)(CX*1)
	ADDQ $256, CX

bcheck:
	CMPQ CX, DX
	JLT bblock
	JMP tcheck

tblock:
	MOVQ SI, R10                // the step
	MOVQ R9, R11                // steps left

tstep:
	MOVQ 16(R10), R8
	ANDQ CX, R8                 // offset & Mask
	ADDQ 8(R10), R8             // + X
	MOVQ 0(R10), AX
	TESTQ $4, AX
	JNZ thi
	TESTQ $2, AX
	JNZ tx23
	TESTQ $1, AX
	JNZ top1
	JMP top0

tx23:
	TESTQ $1, AX
	JNZ top3
	JMP top2

thi:
	TESTQ $2, AX
	JNZ tx67
	TESTQ $1, AX
	JNZ top5
	JMP top4

tx67:
	TESTQ $1, AX
	JNZ top7
	JMP top6

top0: // load
	VMOVUPD (R8), Y0
	JMP tnext

top1: // add
	VADDPD (R8), Y0, Y0
	JMP tnext

top2: // sub
	VSUBPD (R8), Y0, Y0
	JMP tnext

top3: // rsub
	VMOVUPD (R8), Y8
	VSUBPD Y0, Y8, Y0
	JMP tnext

top4: // mul
	VMULPD (R8), Y0, Y0
	JMP tnext

top5: // div
	VDIVPD (R8), Y0, Y0
	JMP tnext

top6: // rdiv
	VMOVUPD (R8), Y8
	VDIVPD Y0, Y8, Y0
	JMP tnext

top7: // neg
	VXORPD Y15, Y0, Y0
	JMP tnext

tnext:
	ADDQ $24, R10
	DECQ R11
	JNZ tstep
	VMOVUPD Y0, (DI)(CX*1)
	ADDQ $32, CX

tcheck:
	CMPQ CX, BX
	JLT tblock
	VZEROUPPER
	RET
