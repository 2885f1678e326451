// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

interface IColdStakingTarget {
    function start_staking(uint256 rounds) external payable;
    function claim() external;
    function withdraw_stake() external;
}

/// @title A malicious staker for the reentrancy tests
/// @notice Stakes through a contract and, when the staking contract pays it, calls back into `claim` or
/// `withdraw_stake` hoping to be paid twice. With `swallow` it catches a failed re-entry (so the outer payment
/// can still succeed and the test can compare what it received with what it was entitled to); without it the
/// failed re-entry reverts the payment, and with it the whole outer call.
contract ReentrantStaker {
    uint8 public constant REENTER_NONE = 0;
    uint8 public constant REENTER_CLAIM = 1;
    uint8 public constant REENTER_WITHDRAW = 2;

    IColdStakingTarget public immutable target;
    uint8 public mode;
    bool public swallow;
    uint256 public reentries;
    uint256 public failedReentries;

    constructor(IColdStakingTarget _target) {
        target = _target;
    }

    function setAttack(uint8 _mode, bool _swallow) external {
        mode = _mode;
        swallow = _swallow;
    }

    function stake(uint256 rounds) external payable {
        target.start_staking{value: msg.value}(rounds);
    }

    function claim() external {
        target.claim();
    }

    function withdraw() external {
        target.withdraw_stake();
    }

    receive() external payable {
        if (msg.sender != address(target) || mode == REENTER_NONE) return;
        reentries += 1;
        if (swallow) {
            if (mode == REENTER_CLAIM) {
                try target.claim() {} catch {
                    failedReentries += 1;
                }
            } else {
                try target.withdraw_stake() {} catch {
                    failedReentries += 1;
                }
            }
        } else if (mode == REENTER_CLAIM) {
            target.claim();
        } else {
            target.withdraw_stake();
        }
    }
}
