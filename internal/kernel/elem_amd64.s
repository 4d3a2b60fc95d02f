//go:build amd64 && !purego

#include "textflag.h"

// Element-wise arithmetic on float64 slices with a scalar operand, and
// negation, 8 then 4 lanes at a time (n is a multiple of 4). Each lane is
// one IEEE operation, as in Go: the results are those of the pure-Go loops
// of elem.go, bit for bit.

// func addVSAVX2(d, x *float64, n int, s float64)
TEXT ·addVSAVX2(SB), NOSPLIT, $0-32
	MOVQ d+0(FP), DI
	MOVQ x+8(FP), SI
	MOVQ n+16(FP), BX
	VBROADCASTSD s+24(FP), Y2
	XORQ AX, AX
	MOVQ BX, CX
	ANDQ $-8, CX
	JMP check8

loop8:
	VMOVUPD (SI)(AX*8), Y0
	VMOVUPD 32(SI)(AX*8), Y1
	VADDPD Y2, Y0, Y0
	VADDPD Y2, Y1, Y1
	VMOVUPD Y0, (DI)(AX*8)
	VMOVUPD Y1, 32(DI)(AX*8)
	ADDQ $8, AX

check8:
	CMPQ AX, CX
	JLT loop8
	CMPQ AX, BX
	JGE done
	VMOVUPD (SI)(AX*8), Y0
	VADDPD Y2, Y0, Y0
	VMOVUPD Y0, (DI)(AX*8)

done:
	VZEROUPPER
	RET

// func subVSAVX2(d, x *float64, n int, s float64)
TEXT ·subVSAVX2(SB), NOSPLIT, $0-32
	MOVQ d+0(FP), DI
	MOVQ x+8(FP), SI
	MOVQ n+16(FP), BX
	VBROADCASTSD s+24(FP), Y2
	XORQ AX, AX
	MOVQ BX, CX
	ANDQ $-8, CX
	JMP check8

loop8:
	VMOVUPD (SI)(AX*8), Y0
	VMOVUPD 32(SI)(AX*8), Y1
	VSUBPD Y2, Y0, Y0
	VSUBPD Y2, Y1, Y1
	VMOVUPD Y0, (DI)(AX*8)
	VMOVUPD Y1, 32(DI)(AX*8)
	ADDQ $8, AX

check8:
	CMPQ AX, CX
	JLT loop8
	CMPQ AX, BX
	JGE done
	VMOVUPD (SI)(AX*8), Y0
	VSUBPD Y2, Y0, Y0
	VMOVUPD Y0, (DI)(AX*8)

done:
	VZEROUPPER
	RET

// func subSVAVX2(d, x *float64, n int, s float64)
TEXT ·subSVAVX2(SB), NOSPLIT, $0-32
	MOVQ d+0(FP), DI
	MOVQ x+8(FP), SI
	MOVQ n+16(FP), BX
	VBROADCASTSD s+24(FP), Y2
	XORQ AX, AX
	MOVQ BX, CX
	ANDQ $-8, CX
	JMP check8

loop8:
	VSUBPD (SI)(AX*8), Y2, Y0
	VSUBPD 32(SI)(AX*8), Y2, Y1
	VMOVUPD Y0, (DI)(AX*8)
	VMOVUPD Y1, 32(DI)(AX*8)
	ADDQ $8, AX

check8:
	CMPQ AX, CX
	JLT loop8
	CMPQ AX, BX
	JGE done
	VSUBPD (SI)(AX*8), Y2, Y0
	VMOVUPD Y0, (DI)(AX*8)

done:
	VZEROUPPER
	RET

// func mulVSAVX2(d, x *float64, n int, s float64)
TEXT ·mulVSAVX2(SB), NOSPLIT, $0-32
	MOVQ d+0(FP), DI
	MOVQ x+8(FP), SI
	MOVQ n+16(FP), BX
	VBROADCASTSD s+24(FP), Y2
	XORQ AX, AX
	MOVQ BX, CX
	ANDQ $-8, CX
	JMP check8

loop8:
	VMOVUPD (SI)(AX*8), Y0
	VMOVUPD 32(SI)(AX*8), Y1
	VMULPD Y2, Y0, Y0
	VMULPD Y2, Y1, Y1
	VMOVUPD Y0, (DI)(AX*8)
	VMOVUPD Y1, 32(DI)(AX*8)
	ADDQ $8, AX

check8:
	CMPQ AX, CX
	JLT loop8
	CMPQ AX, BX
	JGE done
	VMOVUPD (SI)(AX*8), Y0
	VMULPD Y2, Y0, Y0
	VMOVUPD Y0, (DI)(AX*8)

done:
	VZEROUPPER
	RET

// func divVSAVX2(d, x *float64, n int, s float64)
TEXT ·divVSAVX2(SB), NOSPLIT, $0-32
	MOVQ d+0(FP), DI
	MOVQ x+8(FP), SI
	MOVQ n+16(FP), BX
	VBROADCASTSD s+24(FP), Y2
	XORQ AX, AX
	MOVQ BX, CX
	ANDQ $-8, CX
	JMP check8

loop8:
	VMOVUPD (SI)(AX*8), Y0
	VMOVUPD 32(SI)(AX*8), Y1
	VDIVPD Y2, Y0, Y0
	VDIVPD Y2, Y1, Y1
	VMOVUPD Y0, (DI)(AX*8)
	VMOVUPD Y1, 32(DI)(AX*8)
	ADDQ $8, AX

check8:
	CMPQ AX, CX
	JLT loop8
	CMPQ AX, BX
	JGE done
	VMOVUPD (SI)(AX*8), Y0
	VDIVPD Y2, Y0, Y0
	VMOVUPD Y0, (DI)(AX*8)

done:
	VZEROUPPER
	RET

// func divSVAVX2(d, x *float64, n int, s float64)
TEXT ·divSVAVX2(SB), NOSPLIT, $0-32
	MOVQ d+0(FP), DI
	MOVQ x+8(FP), SI
	MOVQ n+16(FP), BX
	VBROADCASTSD s+24(FP), Y2
	XORQ AX, AX
	MOVQ BX, CX
	ANDQ $-8, CX
	JMP check8

loop8:
	VDIVPD (SI)(AX*8), Y2, Y0
	VDIVPD 32(SI)(AX*8), Y2, Y1
	VMOVUPD Y0, (DI)(AX*8)
	VMOVUPD Y1, 32(DI)(AX*8)
	ADDQ $8, AX

check8:
	CMPQ AX, CX
	JLT loop8
	CMPQ AX, BX
	JGE done
	VDIVPD (SI)(AX*8), Y2, Y0
	VMOVUPD Y0, (DI)(AX*8)

done:
	VZEROUPPER
	RET

// func negAVX2(d, x *float64, n int)
TEXT ·negAVX2(SB), NOSPLIT, $0-24
	MOVQ d+0(FP), DI
	MOVQ x+8(FP), SI
	MOVQ n+16(FP), BX
	MOVQ $0x8000000000000000, AX
	MOVQ AX, X2
	VPBROADCASTQ X2, Y2 // the sign bit
	XORQ AX, AX
	MOVQ BX, CX
	ANDQ $-8, CX
	JMP check8

loop8:
	VXORPD (SI)(AX*8), Y2, Y0
	VXORPD 32(SI)(AX*8), Y2, Y1
	VMOVUPD Y0, (DI)(AX*8)
	VMOVUPD Y1, 32(DI)(AX*8)
	ADDQ $8, AX

check8:
	CMPQ AX, CX
	JLT loop8
	CMPQ AX, BX
	JGE done
	VXORPD (SI)(AX*8), Y2, Y0
	VMOVUPD Y0, (DI)(AX*8)

done:
	VZEROUPPER
	RET
