package org.ppi.contracts.survey;

/** Sustantivo (core mission) or de apoyo (support / administrative). */
public enum CenterArea {
    SUBSTANTIVE, SUPPORT
}
