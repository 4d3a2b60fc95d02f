//go:build amd64 && !purego

#include "textflag.h"

// func chainAVX2(steps *ChainStep, nsteps int, dst *float64, n int)
//
// Runs a chain of element-wise operations on an accumulator over n
// elements (a multiple of 16), 16 lanes (4 registers) at a time: for each
// block, every step reads its operand at the block's offset (a vector, or
// a 16-element broadcast buffer when Mask is 0) and updates the
// accumulator, which is stored to dst at the end. Each lane sees the IEEE
// operations of the steps in order, as the Go loops do. ChainStep is
// {Op int64; X *float64; Mask int64} (24 bytes, pinned by
// TestChainLayout); the ops are those of chain.go.
TEXT ·chainAVX2(SB), NOSPLIT, $0-32
	MOVQ steps+0(FP), SI
	MOVQ nsteps+8(FP), R9
	MOVQ dst+16(FP), DI
	MOVQ n+24(FP), BX
	SHLQ $3, BX                 // n in bytes
	MOVQ $0x8000000000000000, AX
	MOVQ AX, X15
	VPBROADCASTQ X15, Y15       // the sign bit, for NEG
	XORQ CX, CX                 // byte offset of the block
	JMP blockcheck

block:
	MOVQ SI, R10                // the step
	MOVQ R9, R11                // steps left

step:
	MOVQ 16(R10), R8
	ANDQ CX, R8                 // offset & Mask
	ADDQ 8(R10), R8             // + X
	MOVQ 0(R10), AX
	CMPQ AX, $1
	JEQ opadd
	CMPQ AX, $4
	JEQ opmul
	CMPQ AX, $2
	JEQ opsub
	CMPQ AX, $3
	JEQ oprsub
	CMPQ AX, $5
	JEQ opdiv
	CMPQ AX, $6
	JEQ oprdiv
	CMPQ AX, $7
	JEQ opneg
	CMPQ AX, $0
	JEQ opload
	JMP next

opadd:
	VADDPD (R8), Y0, Y0
	VADDPD 32(R8), Y1, Y1
	VADDPD 64(R8), Y2, Y2
	VADDPD 96(R8), Y3, Y3
	JMP next

opmul:
	VMULPD (R8), Y0, Y0
	VMULPD 32(R8), Y1, Y1
	VMULPD 64(R8), Y2, Y2
	VMULPD 96(R8), Y3, Y3
	JMP next

opsub:
	VSUBPD (R8), Y0, Y0
	VSUBPD 32(R8), Y1, Y1
	VSUBPD 64(R8), Y2, Y2
	VSUBPD 96(R8), Y3, Y3
	JMP next

oprsub:
	VMOVUPD (R8), Y4
	VSUBPD Y0, Y4, Y0
	VMOVUPD 32(R8), Y5
	VSUBPD Y1, Y5, Y1
	VMOVUPD 64(R8), Y6
	VSUBPD Y2, Y6, Y2
	VMOVUPD 96(R8), Y7
	VSUBPD Y3, Y7, Y3
	JMP next

opdiv:
	VDIVPD (R8), Y0, Y0
	VDIVPD 32(R8), Y1, Y1
	VDIVPD 64(R8), Y2, Y2
	VDIVPD 96(R8), Y3, Y3
	JMP next

oprdiv:
	VMOVUPD (R8), Y4
	VDIVPD Y0, Y4, Y0
	VMOVUPD 32(R8), Y5
	VDIVPD Y1, Y5, Y1
	VMOVUPD 64(R8), Y6
	VDIVPD Y2, Y6, Y2
	VMOVUPD 96(R8), Y7
	VDIVPD Y3, Y7, Y3
	JMP next

opneg:
	VXORPD Y15, Y0, Y0
	VXORPD Y15, Y1, Y1
	VXORPD Y15, Y2, Y2
	VXORPD Y15, Y3, Y3
	JMP next

opload:
	VMOVUPD (R8), Y0
	VMOVUPD 32(R8), Y1
	VMOVUPD 64(R8), Y2
	VMOVUPD 96(R8), Y3
	JMP next

next:
	ADDQ $24, R10
	DECQ R11
	JNZ step
	VMOVUPD Y0, (DI)(CX*1)
	VMOVUPD Y1, 32(DI)(CX*1)
	VMOVUPD Y2, 64(DI)(CX*1)
	VMOVUPD Y3, 96(DI)(CX*1)
	ADDQ $128, CX

blockcheck:
	CMPQ CX, BX
	JLT block
	VZEROUPPER
	RET
